import { BookOutlined, DownOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Avatar, Button, Dropdown, type MenuProps } from "antd";
import { useNavigate } from "react-router-dom";
import { useLogout } from "../auth/mutations";
import type { Me } from "../auth/types";
import { ZhText } from "../components/ZhText";
import { useI18n } from "../i18n/useT";

const STAFF_ROLES: readonly string[] = ["clerk", "reviewer", "approver", "helper", "supervisor", "admin"];

/** The signed-in user's name with 我的账户 and 退出登录; `compact` (phones): the avatar, the name as its label. */
export function UserMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();

  const items: MenuProps["items"] = [
    {
      key: "account",
      icon: <UserOutlined />,
      label: <span data-testid="menu-account">{t("nav.account")}</span>,
    },
    // 我的培训: staff who attend sessions (not applicants, not partner departments).
    ...(me.roles.some((r) => STAFF_ROLES.includes(r.role))
      ? [
          {
            key: "training",
            icon: <BookOutlined />,
            label: <span data-testid="menu-training">{t("nav.myTraining")}</span>,
          },
        ]
      : []),
    { type: "divider" },
    {
      key: "logout",
      icon: <LogoutOutlined />,
      label: <span data-testid="menu-logout">{t("nav.logout")}</span>,
    },
  ];
  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "account") navigate("/account");
    if (key === "training") navigate("/my/training");
    if (key === "logout") {
      logout.mutate(undefined, {
        onSuccess: () => navigate("/login", { replace: true }),
        onError: (err) => message.error(err.messageIn(locale) ?? t("error.generic")),
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={["click"]} placement="bottomRight">
      <Button
        type="text"
        data-testid="user-menu"
        loading={logout.isPending}
        aria-label={compact ? me.displayName : undefined}
      >
        <Avatar size="small" style={{ background: "#1f5fa8" }} icon={<UserOutlined />} />
        <span data-testid="user-name" className={compact ? "yz-visually-hidden" : undefined}>
          <ZhText>{me.displayName}</ZhText>
        </span>
        {!compact && <DownOutlined style={{ fontSize: 10 }} />}
      </Button>
    </Dropdown>
  );
}
