import { TeamOutlined } from "@ant-design/icons";
import { Skeleton, Space, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { ZhText, zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { useProjects } from "../projects/api";

/** `/helper`: the helper's key projects (帮办代办), each linked to its project page. */
export default function HelperPage() {
  const { t } = useI18n();
  const q = useProjects();
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-helper">
      <Typography.Title level={3}>
        <TeamOutlined /> {t("prj.list.title")}
      </Typography.Title>
      {q.isLoading && <Skeleton active />}
      {q.data && (
        <Table
          rowKey="id"
          data-testid="projects-table"
          dataSource={q.data.items}
          pagination={false}
          onRow={(r) => ({ "data-project-code": r.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t("prj.list.code"), dataIndex: "code" },
            {
              title: t("prj.list.name"),
              dataIndex: "name",
              render: (v: string, r) => (
                <Link to={`/projects/${r.id}`}>
                  <ZhText>{v}</ZhText>
                </Link>
              ),
            },
            { title: t("prj.list.enterprise"), dataIndex: "enterpriseName", render: zhCell },
            { title: t("prj.list.location"), dataIndex: "location", render: zhCell },
            { title: t("prj.list.helper"), dataIndex: "helperName", render: zhCell },
            {
              title: t("prj.list.stage"),
              dataIndex: "stage",
              render: (v: string) => t(`prj.stage.${v}` as MessageKey) ?? v,
            },
          ]}
        />
      )}
    </Space>
  );
}
