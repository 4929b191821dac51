import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { type ApiData, apiPath, call, sendForm, yz } from "../../api/client";
import { zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import type { ItemMaterial } from "../cases/itemForm";
import type { Project } from "./api";

type Material = ItemMaterial;
type Row = { status: "pass" | "missing" | "defective"; fileIds: string[] };

/** Uploads one file for the project (uploadProjectFile) and returns its id. */
async function uploadProjectFile(projectId: string, file: File): Promise<string> {
  const form = new FormData();
  form.append("file", file, file.name);
  const url = apiPath("/api/projects/{id}/files", { id: projectId });
  return (await sendForm<ApiData<"/api/projects/{id}/files", "post">>(url, form)).fileId;
}

/**
 * The pre-check (预审) of one item: the item's checklist with pass / missing / defective and a file per
 * material, saved with savePrecheck and carried into the case when the bundle is filed.
 */
export function PrecheckForm({
  project,
  itemCodes,
  itemNames = {},
}: {
  project: Project;
  itemCodes: string[];
  itemNames?: Record<string, string>;
}) {
  const qc = useQueryClient();
  const { t } = useI18n();
  const [itemCode, setItemCode] = useState(itemCodes[0] ?? "");
  const [rows, setRows] = useState<Record<string, Row>>({});
  const item = useQuery({
    queryKey: ["catalog-item", itemCode],
    queryFn: () => call(yz.GET("/api/catalog/items/{code}", { params: { path: { code: itemCode } } })),
    enabled: !!itemCode,
  });
  const save = useMutation({
    mutationFn: () =>
      call(
        yz.PUT("/api/projects/{id}/prechecks", {
          params: { path: { id: project.id } },
          body: {
            itemCode,
            checks: Object.entries(rows).map(([materialCode, r]) => ({ materialCode, ...r })),
          },
        }),
      ),
    onSuccess: (p) => {
      qc.setQueryData(["project", project.id], p);
      setRows({});
    },
  });
  const saved = (code: string) =>
    project.prechecks.find((c) => c.itemCode === itemCode && c.materialCode === code);
  const set = (code: string, patch: Partial<Row>) =>
    setRows((cur) => ({ ...cur, [code]: { ...(cur[code] ?? { status: "pass", fileIds: [] }), ...patch } }));
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="precheck-form">
      <Select
        aria-label={t("prj.precheck.item")}
        value={itemCode}
        onChange={(v) => {
          setItemCode(v);
          setRows({});
        }}
        style={{ width: 320 }}
        options={itemCodes.map((c) => ({ value: c, label: itemNames[c] ?? c }))}
      />
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        loading={item.isLoading}
        dataSource={item.data?.content.materials ?? []}
        columns={[
          { title: t("prj.precheck.material"), dataIndex: "name", render: zhCell },
          {
            title: t("prj.precheck.saved"),
            render: (_: unknown, m: Material) => {
              const s = saved(m.code);
              if (!s) return "—";
              const label = t(`prj.check.${s.status}` as MessageKey) ?? s.status;
              return <Tag color={s.status === "pass" ? "green" : "red"}>{label}</Tag>;
            },
          },
          {
            title: t("prj.precheck.verdict"),
            render: (_: unknown, m: Material) => (
              <Select
                aria-label={t("prj.precheck.verdictOf", { name: m.name })}
                size="small"
                style={{ width: 110 }}
                placeholder="—"
                value={rows[m.code]?.status}
                onChange={(v) => set(m.code, { status: v })}
                data-testid={`precheck-status-${m.code}`}
                options={[
                  { value: "pass", label: t("prj.check.pass") },
                  { value: "missing", label: t("prj.check.missing") },
                  { value: "defective", label: t("prj.check.defective") },
                ]}
              />
            ),
          },
          {
            title: t("prj.precheck.file"),
            render: (_: unknown, m: Material) =>
              m.source === "applicant" ? (
                <input
                  aria-label={t("prj.precheck.fileOf", { name: m.name })}
                  type="file"
                  data-testid={`precheck-file-${m.code}`}
                  onChange={async (e) => {
                    const f = e.target.files?.[0];
                    if (f) set(m.code, { fileIds: [await uploadProjectFile(project.id, f)] });
                  }}
                />
              ) : (
                <Tag>{t(`prj.source.${m.source}` as MessageKey) ?? m.source}</Tag>
              ),
          },
        ]}
      />
      {save.error && <Alert type="error" showIcon title={t("prj.precheck.saveFailed")} />}
      <Button
        type="primary"
        disabled={Object.keys(rows).length === 0}
        loading={save.isPending}
        onClick={() => save.mutate()}
        data-testid="precheck-save"
      >
        {t("prj.precheck.save")}
      </Button>
    </Space>
  );
}
