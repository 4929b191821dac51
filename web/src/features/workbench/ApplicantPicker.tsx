import { UserAddOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Input, Space, Table, Tag } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { type ApplicantHit, useApplicantSearch } from "./api";
import { RegisterApplicant } from "./RegisterApplicant";

type Props = {
  value: ApplicantHit | null;
  onChange: (a: ApplicantHit) => void;
  /** A walk-in applicant was registered (or an existing one chosen from the registration): go on. */
  onRegistered?: (a: ApplicantHit) => void;
};

/**
 * Finds the applicant the window files for: a search over the applicants the clerk may see (name,
 * credit code, ID number or phone; identifiers come masked), one click to choose — or, when nobody
 * is found, the walk-in registration (代录) right here.
 */
export function ApplicantPicker({ value, onChange, onRegistered }: Props) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState("");
  const [registering, setRegistering] = useState(false);
  const search = useApplicantSearch(q);
  const nobody = q !== "" && !search.isFetching && (search.data ?? []).length === 0;
  const registered = (a: ApplicantHit) => {
    setRegistering(false);
    onChange(a);
    onRegistered?.(a);
  };

  return (
    <div data-testid="applicant-picker">
      <Space wrap style={{ marginBottom: 12, width: "100%" }}>
        <Input.Search
          allowClear
          enterButton={t("wb.intake.search")}
          placeholder={t("wb.intake.searchPlaceholder")}
          onSearch={(v) => setQ(v.trim())}
          data-testid="applicant-search"
          style={{ width: "min(520px, 100%)" }}
        />
        <Button icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="walkin-open">
          {t("walkin.open")}
        </Button>
      </Space>
      <RegisterApplicant
        open={registering}
        query={q}
        onClose={() => setRegistering(false)}
        onDone={registered}
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
              "data-applicant-id": a.id,
              style: { cursor: "pointer" },
            }) as Record<string, unknown>
          }
          locale={{
            emptyText: nobody ? (
              <Empty description={t("walkin.notFound", { q })} data-testid="applicant-none">
                <Button
                  type="primary"
                  icon={<UserAddOutlined />}
                  onClick={() => setRegistering(true)}
                  data-testid="walkin-register"
                >
                  {t("walkin.open")}
                </Button>
              </Empty>
            ) : (
              t("wb.intake.noApplicants")
            ),
          }}
          columns={[
            { title: t("wb.intake.applicantName"), dataIndex: "name", render: zhCell },
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
