import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Actor } from "../../app/actor";
import { csrfMatches, type RequestOrigin, resolveSession } from "../../app/auth/sessions";
import type { AppContext } from "../../app/context";
import { YizhanError } from "../../domain/errors";

export const SESSION_COOKIE = "yz_session";
export const CSRF_COOKIE = "yz_csrf";
export const CSRF_HEADER = "x-csrf-token";

/**
 * Who may call a route. `session` (the default of every API route, set in src/http/server.ts): a
 * signed-in user, else 401 before the body is read or validated; writes also need the CSRF header.
 * `optional`: anyone, and a session adds to the answer (abilities). `public`: anyone; no session used.
 */
export type Access = "public" | "optional" | "session";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Set to false on routes that must accept writes without a CSRF token (login). */
    csrf?: boolean;
    /** Who may call the route ({@link Access}); documented in the OpenAPI document as its security. */
    access?: Access;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What a user whose password was reset may still do: read their account, change the password, leave. */
const PASSWORD_CHANGE_ROUTES = new Set([
  "/api/auth/me",
  "/api/auth/me/preferences",
  "/api/auth/password",
  "/api/auth/logout",
  "/api/auth/login",
]);

/**
 * Resolves the session cookie to an actor on every request, refuses a route that needs a session
 * (`config.access`, default `session` for the API: src/http/openapi.ts) to a caller without one (401),
 * and refuses cookie-authenticated writes without the matching `x-csrf-token` header (double-submit
 * token bound to the session).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(opts.ctx, token) : null;
    if (session) {
      req.actor = { ...session.actor, ip: req.ip };
      req.csrfToken = session.csrfToken;
    } else if (req.routeOptions.config?.access === "session") {
      // Before the body is read or validated: an anonymous caller learns nothing about the input.
      requireActor(req);
    }
  });
  app.addHook("preHandler", async (req) => {
    // After an administrator's password reset the temporary password opens only the way to change it.
    if (
      req.actor?.mustChangePassword &&
      req.url.startsWith("/api/") &&
      !PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url ?? "")
    ) {
      throw new YizhanError("password_change_required", 403, {
        "zh-CN": "管理员已重置您的密码，请先修改密码",
        "en-US": "An administrator reset your password; change it first",
      });
    }
    if (SAFE_METHODS.has(req.method) || !req.actor || req.routeOptions.config?.csrf === false) return;
    if (!csrfMatches(req.csrfToken ?? "", req.headers[CSRF_HEADER] as string | undefined)) {
      throw new YizhanError("csrf_invalid", 403, {
        "zh-CN": "安全校验失败（CSRF），请刷新页面后重试",
        "en-US": "Security check failed (CSRF); reload the page and try again",
      });
    }
  });
});

/** The authenticated actor, or a 401 problem. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) {
    throw new YizhanError("unauthenticated", 401, { "zh-CN": "请先登录", "en-US": "Please log in first" });
  }
  return req.actor;
}

/** Where the request comes from, for the security and event logs. */
export function originOf(req: FastifyRequest): RequestOrigin {
  return { ip: req.ip, userAgent: req.headers["user-agent"] };
}
