import { Input, Radio, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { ZhText } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import type { CaseDetail, CaseMaterial } from "../cases/types";
import type { ItemMaterial } from "./api";
import { type Checks, isLocked, type Verdict } from "./checks";
import { FileLinks, SourceTag } from "./MaterialBits";

type Props = {
  c: CaseDetail;
  list: ItemMaterial[];
  checks: Checks;
  onChange: (code: string, patch: Partial<Checks[string]>) => void;
  disabled: boolean;
};

const STATUS_COLOR: Record<string, string> = {
  pass: "green",
  missing: "orange",
  defective: "red",
  deferred: "purple",
  provided: "blue",
  pending: "default",
};

/** The material checklist: each material of the item's list with pass / missing / defective and a note. */
export function CheckTable({ c, list, checks, onChange, disabled }: Props) {
  const { t } = useI18n();
  const rule = new Map(list.map((m) => [m.code, m]));

  const columns: TableColumnsType<CaseMaterial> = [
    {
      title: t("wb.check.material"),
      dataIndex: "name",
      width: "28%",
      render: (name: string, m) => (
        <Space orientation="vertical" size={2}>
          <Space wrap size={4}>
            <Typography.Text strong>
              <ZhText>{name}</ZhText>
            </Typography.Text>
            {m.required ? (
              <Tag color="red">{t("wb.material.required")}</Tag>
            ) : (
              <Tag>{t("wb.material.optional")}</Tag>
            )}
            {rule.get(m.code)?.key ? <Tag color="volcano">{t("wb.material.key")}</Tag> : null}
            {rule.get(m.code)?.mayBeDeferred ? <Tag color="purple">{t("wb.material.deferrable")}</Tag> : null}
            <SourceTag m={m} />
          </Space>
          {rule.get(m.code)?.acceptanceStandard ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {rule.get(m.code)?.acceptanceStandard}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("wb.check.files"),
      key: "files",
      render: (_: unknown, m) =>
        m.source === "upload" ? (
          <FileLinks caseId={c.id} files={m.files} />
        ) : (
          <Typography.Text type="secondary">
            {t(`wb.source.${m.source === "shared_data" ? "sharedHint" : "certificateHint"}`)}
          </Typography.Text>
        ),
    },
    {
      title: t("wb.check.current"),
      dataIndex: "status",
      onCell: () => ({ style: { whiteSpace: "nowrap" } }),
      onHeaderCell: () => ({ style: { whiteSpace: "nowrap" } }),
      render: (status: string, m) => {
        // An optional material nobody uploaded is not "provided", whatever the row says.
        const s = m.source === "upload" && m.files.length === 0 && status === "provided" ? "pending" : status;
        return (
          <Space orientation="vertical" size={0}>
            <Tag color={STATUS_COLOR[s] ?? "default"}>
              {t(`wb.material.status.${s}` as "wb.material.status.pass")}
            </Tag>
            {m.deferredDueOn ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("wb.check.deferredDue", { date: m.deferredDueOn })}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t("wb.check.verdict"),
      key: "verdict",
      width: 300,
      render: (_: unknown, m) => {
        const row = checks[m.code];
        const locked = isLocked(m);
        return (
          <Space orientation="vertical" style={{ width: "100%" }} size={4}>
            <Radio.Group
              size="small"
              optionType="button"
              buttonStyle="solid"
              disabled={disabled || locked}
              value={row?.verdict ?? undefined}
              onChange={(e) => onChange(m.code, { verdict: e.target.value as Verdict })}
              data-testid={`verdict-${m.code}`}
              options={[
                { value: "pass", label: t("wb.verdict.pass") },
                { value: "missing", label: t("wb.verdict.missing") },
                { value: "defective", label: t("wb.verdict.defective") },
                ...(m.required ? [] : [{ value: "na", label: t("wb.verdict.na") }]),
              ]}
            />
            {locked ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("wb.check.locked")}
              </Typography.Text>
            ) : (
              <Input
                size="small"
                maxLength={500}
                placeholder={t("wb.check.notePlaceholder")}
                value={row?.note ?? ""}
                disabled={disabled}
                onChange={(e) => onChange(m.code, { note: e.target.value })}
                data-testid={`note-${m.code}`}
                status={row?.verdict === "defective" && !row.note.trim() ? "warning" : undefined}
              />
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Table<CaseMaterial>
      rowKey="code"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={c.materials}
      // On a phone the checklist scrolls sideways instead of squeezing each column to a letter.
      scroll={{ x: 860 }}
      data-testid="check-table"
      onRow={(m) =>
        ({ "data-testid": `check-row-${m.code}`, "data-verdict": checks[m.code]?.verdict ?? "" }) as Record<
          string,
          string
        >
      }
    />
  );
}
