import { Card, Col, Row, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import type { MessageKey } from "../../i18n/translate";
import { useT } from "../../i18n/useT";
import { ROLE_NAV } from "../../layout/nav";

/** What each administration area is for (its page's description). */
const DESC: Record<string, MessageKey> = {
  "admin-users": "page.admin.users.desc",
  "admin-orgs": "page.admin.orgs.desc",
  "admin-items": "page.admin.items.desc",
  "admin-calendar": "page.admin.calendar.desc",
};

/** 系统管理 overview: one card per administration area, each a link to it. */
export default function AdminPage() {
  const t = useT();
  const areas = ROLE_NAV.find((i) => i.key === "admin")?.children ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-admin">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("admin.overview.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("page.admin.desc")}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        {areas.map(({ key, path, labelKey, icon: Icon }) => (
          <Col key={key} xs={24} md={12}>
            <Link to={path} data-testid={`admin-area-${key}`}>
              <Card hoverable style={{ height: "100%" }}>
                <Card.Meta
                  avatar={
                    <span style={{ fontSize: 28, color: "#b71c1c" }} aria-hidden>
                      <Icon />
                    </span>
                  }
                  title={t(labelKey)}
                  description={DESC[key] ? t(DESC[key]) : undefined}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
