import { LoginOutlined } from "@ant-design/icons";
import { Button, Layout, Menu, Space, Typography } from "antd";
import { Link, Outlet, useLocation } from "react-router-dom";
import { useT } from "../i18n/useT";
import { Brand } from "./Brand";
import { LanguageToggle } from "./LanguageToggle";
import { toMenuItems } from "./menuItems";
import { navItemForPath, PUBLIC_NAV } from "./nav";

/** The frame of the public pages (guide, progress, verification) for visitors who are not signed in. */
export function PublicLayout() {
  const t = useT();
  const location = useLocation();
  const current = navItemForPath(location.pathname);
  return (
    <Layout style={{ minHeight: "100vh" }} data-testid="public-shell">
      <Layout.Header
        style={{ display: "flex", alignItems: "center", gap: 24, borderBottom: "1px solid #ececec" }}
      >
        <Brand />
        <nav aria-label={t("nav.main")} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            mode="horizontal"
            items={toMenuItems(PUBLIC_NAV, t)}
            selectedKeys={current ? [current.key] : []}
            style={{ borderBottom: "none" }}
          />
        </nav>
        <Space>
          <LanguageToggle />
          <Link to="/login" state={{ from: location.pathname }}>
            <Button type="primary" icon={<LoginOutlined />} data-testid="login-button">
              {t("nav.login")}
            </Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, width: "100%", margin: "0 auto" }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center" }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("app.fullName")} · {t("app.motto")}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
