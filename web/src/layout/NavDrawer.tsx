import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Menu, type MenuProps } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useLocation } from "react-router-dom";
import { useT } from "../i18n/useT";

type Props = {
  items: MenuProps["items"];
  selectedKeys: string[];
  onClick?: MenuProps["onClick"];
  /** Shown under the menu (language, 关怀模式, the login button on the public frame). */
  footer?: ReactNode;
};

/**
 * The menu on phones and narrow windows: a labelled 菜单 button in the header opening a drawer with the
 * same entries as the side menu (or the public frame's horizontal menu). Closes on navigation.
 */
export function NavDrawer({ items, selectedKeys, onClick, footer }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close whenever the page changes
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <>
      <Button
        icon={<MenuOutlined />}
        onClick={() => setOpen(true)}
        aria-expanded={open}
        aria-controls="yz-nav-drawer"
        title={t("nav.menuTitle")}
        data-testid="nav-drawer-open"
      >
        {t("nav.menu")}
      </Button>
      <Drawer
        id="yz-nav-drawer"
        placement="left"
        open={open}
        onClose={() => setOpen(false)}
        title={t("nav.menu")}
        size={300}
        styles={{ body: { padding: 0 } }}
        footer={footer}
      >
        <nav aria-label={t("nav.main")} data-testid="drawer-nav">
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selectedKeys}
            onClick={(e) => {
              onClick?.(e);
              setOpen(false);
            }}
            style={{ borderInlineEnd: "none" }}
          />
        </nav>
      </Drawer>
    </>
  );
}
