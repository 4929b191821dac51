import { FileOutlined } from "@ant-design/icons";
import { Empty, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useT } from "../../../i18n/useT";
import { formatBytes, MATERIAL_STATUS_COLOR, materialSourceKey, materialStatusKey } from "../labels";
import type { CaseMaterial } from "../types";

/** 材料: the checklist with each material's status, source and files (name, size, sha256 prefix). */
export function MaterialsTab({ materials }: { materials: CaseMaterial[] }) {
  const t = useT();
  if (materials.length === 0) return <Empty description={t("material.empty")} />;
  return (
    <Table<CaseMaterial>
      data-testid="tab-materials"
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={materials}
      columns={[
        {
          title: t("material.name"),
          key: "name",
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <span>{m.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(m.required ? "material.required" : "material.optional")}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t("material.source"),
          key: "source",
          width: 120,
          render: (_, m) => (
            <Tooltip title={m.sourceLabel ?? m.sourceRef ?? undefined}>
              <Tag>{t(materialSourceKey(m.source))}</Tag>
            </Tooltip>
          ),
        },
        {
          title: t("material.status"),
          key: "status",
          width: 150,
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <Tag
                color={MATERIAL_STATUS_COLOR[m.status] ?? "default"}
                data-testid={`material-status-${m.code}`}
              >
                {t(materialStatusKey(m.status))}
              </Tag>
              {m.deferredDueOn && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("material.deferredDue", { date: m.deferredDueOn })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t("material.files"),
          key: "files",
          render: (_, m) =>
            m.files.length === 0 ? (
              <Typography.Text type="secondary">
                {m.source === "upload" ? t("material.noFiles") : "—"}
              </Typography.Text>
            ) : (
              <Space orientation="vertical" size={2}>
                {m.files.map((f) => (
                  <span key={f.id} data-testid="material-file">
                    <FileOutlined /> {f.fileName}{" "}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatBytes(f.sizeBytes)} · sha256 <code>{f.sha256.slice(0, 12)}</code>
                    </Typography.Text>
                  </span>
                ))}
              </Space>
            ),
        },
        {
          title: t("material.note"),
          key: "note",
          render: (_, m) => m.note ?? "—",
        },
      ]}
    />
  );
}
