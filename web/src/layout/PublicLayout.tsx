import { LoginOutlined } from "@ant-design/icons";
import { Button, Grid, Layout, Menu, Space, Typography } from "antd";
import { type RefObject, useLayoutEffect, useRef, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useT } from "../i18n/useT";
import { Brand } from "./Brand";
import { CareModeToggle } from "./CareModeToggle";
import { LanguageToggle } from "./LanguageToggle";
import { toMenuItems } from "./menuItems";
import { NavDrawer } from "./NavDrawer";
import { navItemForPath, PUBLIC_NAV } from "./nav";

/**
 * The frame of the public pages (guide, progress, verification) for visitors who are not signed in. Below
 * `md` (768 px) the menu is a drawer opened by a labelled 菜单 button; 关怀模式 and the language are in the
 * header at every width. Wider, the menu is a horizontal bar as long as it fits whole; when it does not (long
 * English labels, 关怀模式's bigger text) the drawer takes over: antd's own overflow ("…") would keep the
 * hidden entries' links focusable under aria-hidden (WCAG 4.1.2, axe `aria-hidden-focus`).
 */
export function PublicLayout() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const fits = useMenuFits(screens.md !== false);
  const wide = screens.md !== false && fits.fits;
  const current = navItemForPath(location.pathname);
  const items = toMenuItems(PUBLIC_NAV, t);
  const selected = current ? [current.children ? `${current.key}-overview` : current.key] : [];
  return (
    <Layout style={{ minHeight: "100vh" }} data-testid="public-shell">
      <a className="yz-skip-link" href="#yz-main">
        {t("nav.skipToContent")}
      </a>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: phone ? 6 : 24,
          borderBottom: "1px solid #ececec",
        }}
      >
        {!wide && <NavDrawer items={items} selectedKeys={selected} />}
        <Brand compact={phone} showMotto={!phone} />
        {screens.md !== false ? (
          // Measured even while it does not fit (then invisible: neither shown nor focusable).
          <nav
            ref={fits.ref}
            aria-label={wide ? t("nav.main") : undefined}
            aria-hidden={wide ? undefined : true}
            style={{ flex: 1, minWidth: 0, overflow: "hidden", visibility: wide ? undefined : "hidden" }}
          >
            <Menu
              mode="horizontal"
              disabledOverflow
              items={items}
              selectedKeys={selected}
              style={{ borderBottom: "none", width: "max-content" }}
            />
          </nav>
        ) : (
          <span style={{ flex: 1 }} />
        )}
        <Space size={phone ? 6 : "small"}>
          <CareModeToggle compact={phone} />
          <LanguageToggle compact={phone} />
          <Button
            type="primary"
            icon={phone ? undefined : <LoginOutlined />}
            onClick={() => navigate("/login", { state: { from: location.pathname } })}
            data-testid="login-button"
          >
            {t("nav.login")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content
        id="yz-main"
        tabIndex={-1}
        style={{ padding: phone ? 12 : 24, maxWidth: 1100, width: "100%", margin: "0 auto" }}
      >
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

/** Whether the horizontal menu inside the `ref`'d element fits its width (watched as either resizes). */
function useMenuFits(shown: boolean): { ref: RefObject<HTMLElement | null>; fits: boolean } {
  const ref = useRef<HTMLElement | null>(null);
  const [fits, setFits] = useState(true);
  useLayoutEffect(() => {
    const nav = ref.current;
    const menu = nav?.firstElementChild as HTMLElement | null | undefined;
    if (!shown || !nav || !menu) return;
    const check = () => setFits(menu.scrollWidth <= nav.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(nav);
    observer.observe(menu);
    check();
    return () => observer.disconnect();
  }, [shown]);
  return { ref, fits };
}
