import { Card, Descriptions, Table, Tag } from "antd";
import { useMe } from "../../auth/useMe";
import { zhCell } from "../../components/ZhText";
import { formatDateTime } from "../cases/labels";
import { useAccessLog, useProfile } from "./api";
import { useXT } from "./i18n";

/** 我的信息与数据授权: the applicant's profile and who accessed their data, when and why. */
export default function MyDataPage() {
  const xt = useXT();
  const { me } = useMe();
  const profile = useProfile(me?.id);
  const log = useAccessLog();
  const p = profile.data;
  type Shown = "name" | "creditCode" | "legalRepresentative" | "idNumber" | "phone" | "address";
  const show = (k: Shown) => zhCell(p?.[k] == null ? "—" : String(p[k]));
  return (
    <div style={{ display: "grid", gap: 16 }}>
      <Card title={xt("profile")} loading={profile.isLoading} data-testid="my-profile">
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={xt("fieldName")}>{show("name")}</Descriptions.Item>
          {p?.creditCode ? (
            <Descriptions.Item label={xt("fieldCreditCode")}>{show("creditCode")}</Descriptions.Item>
          ) : null}
          {p?.legalRepresentative ? (
            <Descriptions.Item label={xt("fieldLegalRep")}>{show("legalRepresentative")}</Descriptions.Item>
          ) : null}
          {p?.idNumber ? (
            <Descriptions.Item label={xt("fieldIdNumber")}>{show("idNumber")}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={xt("fieldPhone")}>{show("phone")}</Descriptions.Item>
          <Descriptions.Item label={xt("fieldAddress")}>{show("address")}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={xt("accessLog")}>
        <Table
          data-testid="access-log"
          rowKey="id"
          size="small"
          loading={log.isLoading}
          dataSource={log.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: xt("when"),
              dataIndex: "at",
              render: (v: string) => formatDateTime(v),
            },
            {
              title: xt("who"),
              key: "who",
              render: (_, l) => zhCell([l.actorName, l.actorOrgName].filter(Boolean).join(" · ")),
            },
            { title: xt("dataset"), dataIndex: "datasetCode" },
            { title: xt("why"), dataIndex: "purpose" },
            { title: xt("case"), dataIndex: "caseNumber" },
            {
              title: xt("outcome"),
              dataIndex: "outcome",
              render: (v: string) => <Tag color={v === "ok" ? "green" : "red"}>{v}</Tag>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
