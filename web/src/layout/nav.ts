import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FundOutlined,
  HomeOutlined,
  InboxOutlined,
  InteractionOutlined,
  LikeOutlined,
  MessageOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  SunOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { ComponentType } from "react";
import { type Me, type Role, roleSet } from "../auth/types";
import type { MessageKey } from "../i18n/translate";

/**
 * One entry of the navigation. `key` is stable: the menu item carries `data-testid="nav-<key>"`.
 * `roles` lists who sees it; without `roles` the entry is public (shown to everyone, signed in or not).
 */
export type NavItem = {
  key: string;
  path: string;
  labelKey: MessageKey;
  icon: ComponentType;
  /** Label of the parent's own page among its children (entries with children only). */
  overviewKey?: MessageKey;
  roles?: readonly Role[];
  children?: readonly NavItem[];
};

/** The work areas, in the order they appear; the first one a user may see is the user's home. */
export const ROLE_NAV: readonly NavItem[] = [
  { key: "portal", path: "/portal", labelKey: "nav.portal", icon: HomeOutlined, roles: ["applicant"] },
  {
    key: "workbench",
    path: "/workbench",
    labelKey: "nav.workbench",
    icon: SolutionOutlined,
    roles: ["clerk"],
  },
  {
    key: "inbox",
    path: "/inbox",
    labelKey: "nav.inbox",
    icon: InboxOutlined,
    roles: ["reviewer", "approver"],
  },
  { key: "helper", path: "/helper", labelKey: "nav.helper", icon: TeamOutlined, roles: ["helper"] },
  {
    key: "dashboard",
    path: "/dashboard",
    labelKey: "nav.dashboard",
    icon: DashboardOutlined,
    roles: ["supervisor"],
  },
  {
    key: "alerts",
    path: "/supervision/alerts",
    labelKey: "nav.alerts",
    icon: AlertOutlined,
    roles: ["supervisor"],
  },
  {
    key: "scorecards",
    path: "/supervision/scorecards",
    labelKey: "nav.scorecards",
    icon: FundOutlined,
    roles: ["supervisor"],
  },
  {
    key: "supervision",
    path: "/supervision/evaluations",
    labelKey: "nav.supervision",
    icon: AuditOutlined,
    roles: ["supervisor"],
  },
  {
    key: "training",
    path: "/supervision/training",
    labelKey: "nav.training",
    icon: ReadOutlined,
    roles: ["supervisor"],
  },
  {
    key: "staff",
    path: "/supervision/staff",
    labelKey: "nav.staff",
    icon: TeamOutlined,
    roles: ["supervisor"],
  },
  {
    key: "partner",
    path: "/partner",
    labelKey: "nav.partner",
    icon: InteractionOutlined,
    roles: ["partner"],
  },
  {
    key: "inquiries",
    path: "/inquiries",
    labelKey: "nav.inquiries",
    icon: MessageOutlined,
    roles: ["clerk", "supervisor"],
  },
  {
    key: "admin",
    path: "/admin",
    labelKey: "nav.admin",
    icon: SettingOutlined,
    overviewKey: "nav.admin.overview",
    roles: ["admin"],
    children: [
      {
        key: "admin-users",
        path: "/admin/users",
        labelKey: "nav.admin.users",
        icon: UserOutlined,
        roles: ["admin"],
      },
      {
        key: "admin-orgs",
        path: "/admin/orgs",
        labelKey: "nav.admin.orgs",
        icon: ApartmentOutlined,
        roles: ["admin"],
      },
      {
        key: "admin-items",
        path: "/admin/items",
        labelKey: "nav.admin.items",
        icon: ProfileOutlined,
        roles: ["admin"],
      },
      {
        key: "admin-calendar",
        path: "/admin/calendar",
        labelKey: "nav.admin.calendar",
        icon: CalendarOutlined,
        roles: ["admin"],
      },
    ],
  },
  // After 系统管理: an administrator still lands on /admin.
  {
    key: "policies",
    path: "/policies",
    labelKey: "nav.policies",
    icon: FileSearchOutlined,
    roles: ["clerk", "reviewer", "approver", "helper", "supervisor", "admin"],
  },
  {
    key: "audit",
    path: "/audit",
    labelKey: "nav.audit",
    icon: FileSearchOutlined,
    roles: ["supervisor", "admin"],
  },
];

/** Pages for the public, readable without signing in. */
export const PUBLIC_NAV: readonly NavItem[] = [
  { key: "guide", path: "/guide", labelKey: "nav.guide", icon: BookOutlined },
  { key: "progress", path: "/progress", labelKey: "nav.progress", icon: FieldTimeOutlined },
  { key: "ask", path: "/ask", labelKey: "nav.ask", icon: QuestionCircleOutlined },
  { key: "verify", path: "/verify", labelKey: "nav.verify", icon: SafetyCertificateOutlined },
  // 阳光公开: what the bureau publishes, one entry so the bar fits a desktop; its own page is the open data.
  {
    key: "sunlight",
    path: "/open-data",
    labelKey: "pub.sunlight",
    overviewKey: "nav.openData",
    icon: SunOutlined,
    children: [
      { key: "decisions", path: "/decisions", labelKey: "nav.decisions", icon: FileDoneOutlined },
      { key: "figures", path: "/figures", labelKey: "nav.figures", icon: BarChartOutlined },
      { key: "satisfaction", path: "/satisfaction", labelKey: "nav.satisfaction", icon: LikeOutlined },
      {
        key: "transparency",
        path: "/transparency",
        labelKey: "nav.transparency",
        icon: DeploymentUnitOutlined,
      },
    ],
  },
];

const ALL: readonly NavItem[] = flatten([...ROLE_NAV, ...PUBLIC_NAV]);

/** Every public page once, a group's own page under its overview name (the login page lists them). */
export const PUBLIC_PAGES: readonly { key: string; path: string; labelKey: MessageKey }[] = flatten(
  PUBLIC_NAV,
).map((i) => ({
  key: i.key,
  path: i.path,
  labelKey: i.children ? (i.overviewKey ?? i.labelKey) : i.labelKey,
}));

function flatten(items: readonly NavItem[]): NavItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children ?? [])]);
}

/** Whether a user with these roles may see the entry. */
export function allows(item: NavItem, roles: ReadonlySet<Role>): boolean {
  return !item.roles || item.roles.some((r) => roles.has(r));
}

/** The work areas this user sees, children filtered too. */
export function roleNavFor(me: Me | null | undefined): NavItem[] {
  const roles = roleSet(me);
  return ROLE_NAV.filter((i) => allows(i, roles)).map((i) =>
    i.children ? { ...i, children: i.children.filter((c) => allows(c, roles)) } : i,
  );
}

/** The entry a path belongs to (longest matching prefix), if any. */
export function navItemForPath(pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of ALL) {
    const hit = pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (hit && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}

/** Where a user lands after signing in: the first work area the user may see. */
export function homePathFor(me: Me | null | undefined): string {
  if (!me) return "/login";
  return roleNavFor(me)[0]?.path ?? "/account";
}

/** Whether the user may open the page at `pathname` (pages outside the navigation are open to all). */
export function canVisit(me: Me | null | undefined, pathname: string): boolean {
  const item = navItemForPath(pathname);
  return !item || allows(item, roleSet(me));
}
