import { Card, Descriptions, Table, Tag } from "antd";
import { useMe } from "../../auth/useMe";
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
  const show = (k: Shown) => (p?.[k] == null ? "—" : String(p[k]));
  return (
    <div style={{ display: "grid", gap: 16 }}>
      <Card title={xt("profile")} loading={profile.isLoading} data-testid="my-profile">
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="名称 Name">{show("name")}</Descriptions.Item>
          {p?.creditCode ? (
            <Descriptions.Item label="统一社会信用代码">{show("creditCode")}</Descriptions.Item>
          ) : null}
          {p?.legalRepresentative ? (
            <Descriptions.Item label="法定代表人">{show("legalRepresentative")}</Descriptions.Item>
          ) : null}
          {p?.idNumber ? (
            <Descriptions.Item label="居民身份证号">{show("idNumber")}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label="电话 Phone">{show("phone")}</Descriptions.Item>
          <Descriptions.Item label="地址 Address">{show("address")}</Descriptions.Item>
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
              render: (_, l) => [l.actorName, l.actorOrgName].filter(Boolean).join(" · "),
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
