import { CloudDownloadOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm } from "antd";
import { ApiError } from "../../api/ApiError";
import { call, yz } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import { useExchangeWrite } from "./api";
import { useXT } from "./i18n";

/** The part of a case material this button needs. */
export type SharedMaterial = { code: string; source: string; sourceRef?: string | null; files: unknown[] };

/**
 * "从共享数据获取" for a shared-data material (once-only): asks for the applicant's consent, fetches
 * through the dataset's connector (fetchSharedMaterial), and refreshes the case. Renders nothing for
 * other materials or once the material has a file.
 */
export function FetchSharedButton({
  caseId,
  material,
  disabled,
}: {
  caseId: string;
  material: SharedMaterial;
  disabled?: boolean;
}) {
  const xt = useXT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const fetchIt = useExchangeWrite(() =>
    call(
      yz.POST("/api/cases/{id}/materials/{code}/shared-data", {
        params: { path: { id: caseId, code: material.code } },
        body: { consent: true },
      }),
    ),
  );
  if (material.source !== "shared_data" || material.files.length > 0) return null;
  return (
    <Popconfirm
      title={xt("consentTitle")}
      description={<div style={{ maxWidth: 300 }}>{xt("consentBody")}</div>}
      okText={xt("agree")}
      okButtonProps={{ "data-testid": `consent-${material.code}` } as Record<string, string>}
      onConfirm={() =>
        fetchIt.mutateAsync(undefined).then(
          () => void message.success(xt("fetched")),
          (e: unknown) => {
            const m = e instanceof ApiError ? e.problem.message?.[locale] : undefined;
            void message.error(m ?? String(e));
          },
        )
      }
    >
      <Button
        size="small"
        icon={<CloudDownloadOutlined />}
        loading={fetchIt.isPending}
        disabled={disabled}
        data-testid={`fetch-shared-${material.code}`}
      >
        {xt("fetch")}
      </Button>
    </Popconfirm>
  );
}
