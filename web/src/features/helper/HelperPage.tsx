import { TeamOutlined } from "@ant-design/icons";
import { Skeleton, Space, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { useProjects } from "../projects/api";
import { useProjectTexts } from "../projects/texts";

/** `/helper`: the helper's key projects (帮办代办), each linked to its project page. */
export default function HelperPage() {
  const { t } = useProjectTexts();
  const q = useProjects();
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-helper">
      <Typography.Title level={3}>
        <TeamOutlined /> {t("list.title")}
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
            { title: t("list.code"), dataIndex: "code" },
            {
              title: t("list.name"),
              dataIndex: "name",
              render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link>,
            },
            { title: t("list.enterprise"), dataIndex: "enterpriseName" },
            { title: t("list.location"), dataIndex: "location" },
            { title: t("list.helper"), dataIndex: "helperName" },
          ]}
        />
      )}
    </Space>
  );
}
