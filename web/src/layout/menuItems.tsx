import type { MenuProps } from "antd";
import { Link } from "react-router-dom";
import type { MessageKey } from "../i18n/translate";
import type { NavItem } from "./nav";

type T = (key: MessageKey) => string;

/** Turns navigation entries into antd menu items; each label carries `data-testid="nav-<key>"`. */
export function toMenuItems(items: readonly NavItem[], t: T): NonNullable<MenuProps["items"]> {
  return items.map((item) => {
    const Icon = item.icon;
    if (item.children && item.children.length > 0) {
      return {
        key: item.key,
        icon: <Icon />,
        label: <span data-testid={`nav-${item.key}`}>{t(item.labelKey)}</span>,
        children: [
          {
            key: `${item.key}-overview`,
            label: (
              <Link to={item.path} data-testid={`nav-${item.key}-overview`}>
                {t(item.overviewKey ?? item.labelKey)}
              </Link>
            ),
          },
          ...toMenuItems(item.children, t),
        ],
      };
    }
    return {
      key: item.key,
      icon: <Icon />,
      label: (
        <Link to={item.path} data-testid={`nav-${item.key}`}>
          {t(item.labelKey)}
        </Link>
      ),
    };
  });
}
