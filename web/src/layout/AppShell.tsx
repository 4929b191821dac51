import { Grid, Layout, Menu, type MenuProps, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import type { Me } from "../auth/types";
import { CalendarStatusBanner } from "../features/calendar/CalendarStatusBanner";
import { DemoHistoryBanner } from "../features/demo/DemoHistoryBanner";
import { useI18n } from "../i18n/useT";
import { Brand } from "./Brand";
import { CareModeToggle } from "./CareModeToggle";
import { LanguageToggle } from "./LanguageToggle";
import { toMenuItems } from "./menuItems";
import { NavDrawer } from "./NavDrawer";
import { NotificationBell } from "./NotificationBell";
import { type NavItem, navItemForPath, PUBLIC_NAV, roleNavFor } from "./nav";
import { UserMenu } from "./UserMenu";

function pathOfKey(items: readonly NavItem[], key: string): string | undefined {
  for (const i of items) {
    if (i.key === key || `${i.key}-overview` === key) return i.path;
    const inner = pathOfKey(i.children ?? [], key);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The signed-in frame: header (brand, motto, language, 关怀模式 for applicants, user menu), a side menu
 * built from the user's roles (layout/nav.ts), and the page. Below `lg` (992 px) the side menu becomes a
 * drawer opened by a labelled 菜单 button in the header; on phones the header keeps only the menu button,
 * the mark, the switches and the user.
 */
export function AppShell({ me }: { me: Me }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;
  const phone = screens.sm === false;
  const location = useLocation();
  const navigate = useNavigate();
  const roleNav = useMemo(() => roleNavFor(me), [me]);
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    roleNav.filter((i) => i.children).map((i) => i.key),
  );

  const items: MenuProps["items"] = [
    ...toMenuItems(roleNav, t),
    ...(roleNav.length > 0 ? [{ type: "divider" as const }] : []),
    ...toMenuItems(PUBLIC_NAV, t),
  ];
  const current = navItemForPath(location.pathname);
  const selected = current ? [current.children ? `${current.key}-overview` : current.key] : [];

  const onClick: MenuProps["onClick"] = ({ key, domEvent }) => {
    // A click on the link itself is handled by <Link>; elsewhere on the row we navigate here.
    if (domEvent.defaultPrevented) return;
    const path = pathOfKey([...roleNav, ...PUBLIC_NAV], key);
    if (path) navigate(path);
  };

  return (
    <Layout style={{ minHeight: "100vh" }} data-testid="app-shell">
      <a className="yz-skip-link" href="#yz-main">
        {t("nav.skipToContent")}
      </a>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 8,
          borderBottom: "1px solid #ececec",
          position: "sticky",
          top: 0,
          zIndex: 10,
        }}
      >
        <Space size="small" style={{ minWidth: 0 }}>
          {!wide && <NavDrawer items={items} selectedKeys={selected} onClick={onClick} />}
          <Brand showMotto={!phone} compact={phone} />
        </Space>
        <Space size="small">
          <CareModeToggle compact={phone} />
          <LanguageToggle compact={phone} />
          <NotificationBell />
          <UserMenu me={me} compact={phone} />
        </Space>
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider width={220} style={{ borderRight: "1px solid #ececec" }}>
            <nav aria-label={t("nav.main")} data-testid="side-nav">
              <Menu
                mode="inline"
                items={items}
                selectedKeys={selected}
                openKeys={openKeys}
                onOpenChange={setOpenKeys}
                onClick={onClick}
                style={{ borderInlineEnd: "none", paddingTop: 8 }}
              />
            </nav>
          </Layout.Sider>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Content id="yz-main" tabIndex={-1} style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            <DemoHistoryBanner />
            <CalendarStatusBanner />
            <Outlet />
          </Layout.Content>
          <Layout.Footer style={{ textAlign: "center", padding: "12px 24px" }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("app.fullName")} · {t("app.motto")}
            </Typography.Text>
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
