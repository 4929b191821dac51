import type { ComponentType } from "react";
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from "react-router-dom";
import { RequireAuth, RequireRole } from "./auth/guards";
import { useMe } from "./auth/useMe";
import { NotFound, RouteError } from "./components/StatusPages";
import { homePathFor, type NavItem, PUBLIC_NAV, ROLE_NAV } from "./layout/nav";
import { ShellSkeleton } from "./layout/ShellSkeleton";
import { ShellSwitch } from "./layout/ShellSwitch";

type PageModule = { default: ComponentType };

/** A route whose page code is loaded on first visit (one chunk per feature). */
function page(path: string, load: () => Promise<PageModule>): RouteObject {
  return { path, lazy: async () => ({ Component: (await load()).default }) };
}

function nav(key: string): NavItem {
  const all = [...ROLE_NAV, ...ROLE_NAV.flatMap((i) => i.children ?? []), ...PUBLIC_NAV];
  const item = all.find((i) => i.key === key);
  if (!item) throw new Error(`no navigation entry "${key}"`);
  return item;
}

/** A work area: the page for `nav(key).path`, open to the roles nav.ts gives that entry. */
function area(key: string, load: () => Promise<PageModule>): RouteObject {
  return { element: <RequireRole roles={nav(key).roles ?? []} />, children: [page(nav(key).path, load)] };
}

/** `/`: the user's home when signed in, else the login page. */
function HomeRedirect() {
  const { me, isLoading } = useMe();
  if (isLoading) return <ShellSkeleton />;
  return <Navigate to={homePathFor(me)} replace />;
}

/**
 * Every route of the web application. A later issue adds its pages here (and its menu entry in
 * layout/nav.ts); page code lives in features/<feature>/.
 */
export const routes: RouteObject[] = [
  {
    element: <Outlet />,
    errorElement: <RouteError />,
    children: [
      { path: "/", element: <HomeRedirect /> },
      page("/login", () => import("./features/auth/LoginPage")),
      // The window tablet: no shell, only the rating form (好差评).
      page("/tablet/:token", () => import("./features/evaluations/TabletPage")),
      {
        element: <ShellSwitch />,
        children: [
          page("/guide", () => import("./features/guide/GuidePage")),
          page("/guide/items/:code", () => import("./features/guide/GuideItemPage")),
          page("/progress", () => import("./features/progress/ProgressPage")),
          page("/ask", () => import("./features/inquiries/AskPage")),
          page("/ask/answer", () => import("./features/inquiries/AnswerPage")),
          page("/verify", () => import("./features/verify/VerifyPage")),
          // A document the guide cites is public; the API answers 404 for what the caller may not read.
          page("/policies/:id", () => import("./features/policies/PolicyDocumentPage")),
          page("/satisfaction", () => import("./features/evaluations/SatisfactionPage")),
          page("/decisions", () => import("./features/publicPortal/DecisionsPage")),
          page("/figures", () => import("./features/publicPortal/FiguresPage")),
          page("/open-data", () => import("./features/publicPortal/OpenDataPage")),
          page("/transparency", () => import("./features/transparency/TransparencyPage")),
          page("/evaluate/:token", () => import("./features/evaluations/EvaluatePage")),
          {
            element: <RequireAuth />,
            children: [
              page("/account", () => import("./features/account/AccountPage")),
              // Demo mode only: the API answers 404 elsewhere, and needs a session like everything else.
              page("/pay/simulator", () => import("./features/fees/SimulatorPage")),
              page("/my/training", () => import("./features/training/MyTrainingPage")),
              page("/cases/:id", () => import("./features/cases/CaseDetailPage")),
              page("/projects/:id", () => import("./features/projects/ProjectPage")),
              area("portal", () => import("./features/portal/PortalPage")),
              {
                element: <RequireRole roles={nav("portal").roles ?? []} />,
                children: [
                  page("/portal/apply", () => import("./features/portal/ApplyPage")),
                  page("/portal/apply/:id", () => import("./features/portal/ApplyPage")),
                  page("/portal/my-data", () => import("./features/exchange/MyDataPage")),
                  page("/portal/wallet", () => import("./features/certificates/WalletPage")),
                ],
              },
              area("workbench", () => import("./features/workbench/WorkbenchPage")),
              {
                element: <RequireRole roles={nav("workbench").roles ?? []} />,
                children: [
                  page("/workbench/intake", () => import("./features/workbench/IntakePage")),
                  page("/workbench/referrals", () => import("./features/referrals/ReferralsPage")),
                  page("/workbench/cases/:id/check", () => import("./features/workbench/CheckPage")),
                ],
              },
              area("inbox", () => import("./features/inbox/InboxPage")),
              area("helper", () => import("./features/helper/HelperPage")),
              area("dashboard", () => import("./features/dashboard/DashboardPage")),
              area("supervision", () => import("./features/evaluations/SupervisionPage")),
              area("training", () => import("./features/training/TrainingPage")),
              area("policies", () => import("./features/policies/PolicyLibraryPage")),
              {
                element: <RequireRole roles={["supervisor", "admin"]} />,
                children: [
                  page("/policies/new", () => import("./features/policies/PolicyEditorPage")),
                  page("/policies/:id/edit", () => import("./features/policies/PolicyEditorPage")),
                ],
              },
              area("alerts", () => import("./features/alerts/AlertsPage")),
              area("staff", () => import("./features/staff/StaffPage")),
              area("scorecards", () => import("./features/supervision/ScorecardsPage")),
              area("partner", () => import("./features/partner/PartnerPage")),
              area("inquiries", () => import("./features/inquiries/InquiryDeskPage")),
              area("audit", () => import("./features/admin/AuditLogPage")),
              area("admin", () => import("./features/admin/AdminPage")),
              area("admin-users", () => import("./features/admin/UsersPage")),
              area("admin-orgs", () => import("./features/admin/OrgsPage")),
              area("admin-items", () => import("./features/admin/ItemsPage")),
              {
                element: <RequireRole roles={nav("admin-items").roles ?? []} />,
                children: [
                  page("/admin/items/new", () => import("./features/admin/items/ItemEditorPage")),
                  page("/admin/items/:code/edit", () => import("./features/admin/items/ItemEditorPage")),
                  page("/admin/items/:code/history", () => import("./features/admin/items/ItemHistoryPage")),
                ],
              },
              area("admin-calendar", () => import("./features/calendar/CalendarAdminPage")),
            ],
          },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
