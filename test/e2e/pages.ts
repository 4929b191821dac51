import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import type { Me, Role } from "../../web/src/auth/types";
import { canVisit, navItemForPath, PUBLIC_NAV, ROLE_NAV } from "../../web/src/layout/nav";

/**
 * Every page of the web application, found in its own sources — the paths of web/src/routes.tsx
 * (`page("/path", …)` and `area("key", …)` through layout/nav.ts) — so a page added later is visited by
 * the phone and accessibility tests without anyone listing it here.
 */
/** The public menu's entries, those inside a group (阳光公开) too. */
const PUBLIC_ENTRIES = [...PUBLIC_NAV, ...PUBLIC_NAV.flatMap((i) => i.children ?? [])];

export function webRoutes(): string[] {
  const src = readFileSync(new URL("../../web/src/routes.tsx", import.meta.url), "utf8");
  const nav = new Map(
    [...ROLE_NAV, ...ROLE_NAV.flatMap((i) => i.children ?? []), ...PUBLIC_ENTRIES].map((i) => [
      i.key,
      i.path,
    ]),
  );
  const paths = new Set<string>();
  for (const m of src.matchAll(/\bpage\(\s*"([^"]+)"/g)) paths.add(m[1]);
  for (const m of src.matchAll(/\barea\(\s*"([^"]+)"/g)) {
    const path = nav.get(m[1]);
    if (!path) throw new Error(`routes.tsx: area("${m[1]}") has no navigation entry`);
    paths.add(path);
  }
  return [...paths].sort();
}

/** Pages that are not pages of a role: the login form (visited signed out) and the window tablet. */
const OUTSIDE_SHELL = new Set(["/login", "/tablet/:token"]);

/** One demo account per distinct set of roles (seed/demo/users.yaml), applicants all (their data differ). */
export type Account = { username: string; roles: Role[] };

export function demoAccounts(): Account[] {
  const users = parse(readFileSync(new URL("../../seed/demo/users.yaml", import.meta.url), "utf8")) as {
    username: string;
    roles: { role: Role }[];
  }[];
  return users.map((u) => ({ username: u.username, roles: [...new Set(u.roles.map((r) => r.role))].sort() }));
}

/** The first account of each distinct role set. */
export function oneAccountPerRoleSet(): Account[] {
  const seen = new Set<string>();
  return demoAccounts().filter((a) => {
    const key = a.roles.join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fakeMe(roles: readonly Role[]): Me {
  return { roles: roles.map((role) => ({ role })) } as unknown as Me;
}

/** The route patterns a user with these roles may open (nav.ts's rule; pages outside the menu are open). */
export function routesFor(roles: readonly Role[]): string[] {
  return webRoutes().filter((p) => !OUTSIDE_SHELL.has(p) && canVisit(fakeMe(roles), p));
}

/** Whether the route belongs to a public menu entry (guide, progress, ask, verify, satisfaction …). */
export function isPublicArea(route: string): boolean {
  const item = navItemForPath(route);
  return !!item && PUBLIC_ENTRIES.some((p) => p.key === item.key);
}

/** Public pages: those without a role in nav.ts and outside the signed-in area (checked by visiting). */
export function publicRoutes(): string[] {
  return routesFor([]);
}

type Json = Record<string, unknown>;

/** What the samplers need of a page: its API requests (with its cookies) and its address. */
type Requester = Pick<Page, "request" | "url">;

async function getJson(page: Requester, path: string): Promise<Json | undefined> {
  const res = await page.request.get(new URL(path, page.url()).toString());
  return res.ok() ? ((await res.json()) as Json) : undefined;
}

async function firstOf(page: Requester, path: string, field: string): Promise<string | undefined> {
  const body = await getJson(page, path);
  const items = (Array.isArray(body) ? body : (body?.items as Json[] | undefined)) ?? [];
  return items[0]?.[field] as string | undefined;
}

/**
 * Sample values for the parameters of a route, read from the demo data as the signed-in user on `page`
 * sees it. A route whose parameter has no sampler fails the test that asks: add one here.
 */
const SAMPLERS: Record<string, (page: Requester) => Promise<Record<string, string> | undefined>> = {
  "/cases/:id": async (p) => ok({ id: await firstOf(p, "/api/cases?limit=1", "id") }),
  "/portal/apply/:id": async (p) => ok({ id: await firstOf(p, "/api/cases?status=draft&limit=1", "id") }),
  "/workbench/cases/:id/check": async (p) =>
    ok({ id: await firstOf(p, "/api/cases?queue=awaiting_check&limit=1", "id") }),
  "/projects/:id": async (p) => ok({ id: await firstOf(p, "/api/projects", "id") }),
  "/guide/items/:code": async (p) => ok({ code: await firstOf(p, "/api/catalog/items?limit=1", "code") }),
  "/admin/items/:code/edit": async (p) =>
    ok({ code: await firstOf(p, "/api/catalog/items?limit=1", "code") }),
  "/admin/items/:code/history": async (p) =>
    ok({ code: await firstOf(p, "/api/catalog/items?limit=1", "code") }),
  // A document the guide cites (readable by anyone): the first one of the first item.
  "/policies/:id": async (p) => ok({ id: await citedPolicy(p) }),
  "/policies/:id/edit": async (p) => ok({ id: await citedPolicy(p) }),
  // A signed link that is not (any more) valid: the page says so, and that page is checked.
  "/evaluate/:token": async () => ({ token: "expired-or-unknown-link" }),
};

async function citedPolicy(page: Requester): Promise<string | undefined> {
  const code = await firstOf(page, "/api/catalog/items?limit=1", "code");
  const body = code ? await getJson(page, `/api/item-policies/${encodeURIComponent(code)}`) : undefined;
  return ((body?.documents as Json[] | undefined) ?? [])[0]?.id as string | undefined;
}

function ok(values: Record<string, string | undefined>): Record<string, string> | undefined {
  return Object.values(values).every(Boolean) ? (values as Record<string, string>) : undefined;
}

/**
 * The concrete address of a route for the user on `page`: the route itself, or with its parameters filled
 * from the demo data; `undefined` when this user has no such record (e.g. no draft), `throws` when no
 * sampler knows the route.
 */
export async function concrete(page: Requester, route: string): Promise<string | undefined> {
  if (!route.includes(":")) return route;
  const sampler = SAMPLERS[route];
  if (!sampler) throw new Error(`test/e2e/pages.ts: no sample parameters for the route ${route}`);
  const values = await sampler(page);
  if (!values) return undefined;
  return route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]));
}

/**
 * Opens `path` in the application already loaded on `page` the way a click on a link does (the router
 * follows the history), without loading the application again; the first visit loads it.
 */
export async function openInApp(page: Page, url: string): Promise<void> {
  const target = new URL(url);
  const here = page.url();
  if (
    !here.startsWith(target.origin) ||
    !(await page.evaluate(() => !!document.getElementById("root")?.firstChild))
  ) {
    await page.goto(url);
  } else {
    await page.evaluate((path) => {
      window.history.pushState({}, "", path);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }, target.pathname + target.search);
  }
  await settle(page);
}

/** Waits until the page has settled: a frame shown, no spinner, no skeleton, no request for a moment. */
export async function settle(page: Page): Promise<void> {
  await page
    .locator("[data-testid=app-shell], [data-testid=public-shell], [data-testid=login-page], #root > *")
    .first()
    .waitFor();
  await page
    .waitForFunction(
      () =>
        !document.querySelector(
          ".ant-spin-spinning, .ant-skeleton-active, [data-testid=shell-loading], .ant-btn-loading",
        ),
      undefined,
      { timeout: 8_000, polling: 100 },
    )
    .catch(() => undefined);
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
  await page.waitForTimeout(100);
}
