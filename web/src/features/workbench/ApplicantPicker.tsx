import { Alert, Input, Table, Tag } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { type ApplicantHit, useApplicantSearch } from "./api";

type Props = { value: ApplicantHit | null; onChange: (a: ApplicantHit) => void };

/**
 * Finds the applicant the window files for: a search over the applicants the clerk may see (name,
 * credit code, ID number or phone; identifiers come masked), one click to choose.
 */
export function ApplicantPicker({ value, onChange }: Props) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState("");
  const search = useApplicantSearch(q);

  return (
    <div data-testid="applicant-picker">
      <Input.Search
        allowClear
        enterButton={t("wb.intake.search")}
        placeholder={t("wb.intake.searchPlaceholder")}
        onSearch={(v) => setQ(v.trim())}
        data-testid="applicant-search"
        style={{ maxWidth: 520, marginBottom: 12 }}
      />
      {search.error ? (
        <Alert
          type="error"
          showIcon
          title={
            search.error instanceof ApiError
              ? (search.error.messageIn(locale) ?? search.error.code)
              : t("error.generic")
          }
        />
      ) : (
        <Table<ApplicantHit>
          rowKey="id"
          size="small"
          loading={search.isFetching}
          dataSource={search.data ?? []}
          pagination={false}
          rowSelection={{
            type: "radio",
            selectedRowKeys: value ? [value.id] : [],
            onChange: (_keys, rows) => rows[0] && onChange(rows[0]),
          }}
          onRow={(a) =>
            ({
              onClick: () => onChange(a),
              "data-testid": `applicant-${a.username}`,
              style: { cursor: "pointer" },
            }) as Record<string, unknown>
          }
          locale={{ emptyText: t("wb.intake.noApplicants") }}
          columns={[
            { title: t("wb.intake.applicantName"), dataIndex: "name" },
            {
              title: t("wb.intake.applicantKind"),
              dataIndex: "kind",
              render: (k: ApplicantHit["kind"]) => <Tag>{t(`kind.${k}`)}</Tag>,
            },
            {
              title: t("wb.intake.identifier"),
              key: "identifier",
              render: (_: unknown, a) => a.creditCode ?? a.idNumberMasked ?? "—",
            },
            { title: t("wb.intake.phone"), dataIndex: "phoneMasked", render: (p: string | null) => p ?? "—" },
            { title: t("wb.intake.username"), dataIndex: "username" },
          ]}
        />
      )}
    </div>
  );
}
