import { Alert, Space } from "antd";
import { FetchSharedButton, type SharedMaterial } from "./FetchSharedButton";

/**
 * Above a case's checklist: every shared-data material still without a file, each with its
 * "从共享数据获取" button (once-only: nothing to upload). Renders nothing when there is none.
 */
export function SharedDataBar({
  caseId,
  materials,
  disabled,
}: {
  caseId: string;
  materials: (SharedMaterial & { name: string })[];
  disabled?: boolean;
}) {
  const open = materials.filter((m) => m.source === "shared_data" && m.files.length === 0);
  if (open.length === 0 || disabled) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title="以下材料可由本机关通过数据共享获取，无需上传 · These materials can be fetched from shared data"
      description={
        <Space wrap>
          {open.map((m) => (
            <Space key={m.code}>
              <span>{m.name}</span>
              <FetchSharedButton caseId={caseId} material={m} />
            </Space>
          ))}
        </Space>
      }
    />
  );
}
