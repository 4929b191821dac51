import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { changePassword, updatePreferences } from "../../app/auth/account";
import { login, logout } from "../../app/auth/sessions";
import { confirmTotpEnrolment, startTotpEnrolment, totpStatus } from "../../app/auth/totp";
import type { AppContext } from "../../app/context";
import { presentMe } from "../../app/presenters/me";
import {
  ZLoginResult,
  ZMe,
  ZOk,
  ZTotpEnrolment,
  ZTotpRecoveryCodes,
  ZTotpStatus,
} from "../../shared/api/auth";
import { ZChangePassword, ZLogin, ZPreferences, ZTotpConfirm } from "../../shared/api/requests/auth";
import { CSRF_COOKIE, originOf, requireActor, SESSION_COOKIE } from "../plugins/auth";

/** Login, logout, the caller's account, password change and preferences. */
export async function authRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOpts = (maxAgeSeconds: number) => ({
    path: "/",
    sameSite: "lax" as const,
    secure: ctx.config.secureCookies,
    maxAge: maxAgeSeconds,
  });

  r.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        csrf: false,
        rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: "1 minute" },
      },
      schema: {
        operationId: "login",
        tags: ["auth"],
        summary: "Log in with username and password (sets the session cookie)",
        body: ZLogin,
        response: { 200: ZLoginResult },
        problems: [401, 423],
      },
    },
    async (req, reply) => {
      const result = await login(ctx, req.body, originOf(req));
      const maxAge = ctx.config.sessionMaxMinutes * 60;
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOpts(maxAge), httpOnly: true });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOpts(maxAge), httpOnly: false });
      return { user: presentMe(result.actor, result.csrfToken) };
    },
  );

  r.post(
    "/api/auth/logout",
    {
      schema: {
        operationId: "logout",
        tags: ["auth"],
        summary: "Log out (ends the session)",
        response: { 200: ZOk },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await logout(ctx, actor, originOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  r.get(
    "/api/auth/totp",
    {
      schema: {
        operationId: "getTotpStatus",
        tags: ["auth"],
        summary: "The caller's two-step login (TOTP): available (staff), on or off, recovery codes left",
        response: { 200: ZTotpStatus },
      },
    },
    async (req) => totpStatus(ctx, requireActor(req)),
  );

  r.post(
    "/api/auth/totp/enrolment",
    {
      schema: {
        operationId: "startTotpEnrolment",
        tags: ["auth"],
        summary: "Start enrolling an authenticator (staff): a new secret with its otpauth QR code",
        response: { 200: ZTotpEnrolment },
        problems: [403],
      },
    },
    async (req) => startTotpEnrolment(ctx, requireActor(req)),
  );

  r.post(
    "/api/auth/totp/enrolment/confirm",
    {
      schema: {
        operationId: "confirmTotpEnrolment",
        tags: ["auth"],
        summary: "Confirm the authenticator with one code: two-step login is on; the recovery codes, once",
        body: ZTotpConfirm,
        response: { 200: ZTotpRecoveryCodes },
        problems: [403],
      },
    },
    async (req) => confirmTotpEnrolment(ctx, requireActor(req), req.body.code),
  );

  r.get(
    "/api/auth/me",
    {
      schema: {
        operationId: "getMe",
        tags: ["auth"],
        summary: "The caller's account, roles and abilities",
        response: { 200: ZMe },
      },
    },
    async (req) => presentMe(requireActor(req), req.csrfToken ?? ""),
  );

  r.put(
    "/api/auth/me/preferences",
    {
      schema: {
        operationId: "updatePreferences",
        tags: ["auth"],
        summary: "Save the caller's preferences (UI language, 关怀模式)",
        body: ZPreferences,
        response: { 200: ZMe },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const saved = await updatePreferences(ctx, actor, req.body);
      return presentMe({ ...actor, ...saved }, req.csrfToken ?? "");
    },
  );

  r.post(
    "/api/auth/password",
    {
      schema: {
        operationId: "changePassword",
        tags: ["auth"],
        summary: "Change the caller's password (other sessions are ended)",
        body: ZChangePassword,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await changePassword(ctx, requireActor(req), req.body, originOf(req));
      return { ok: true as const };
    },
  );
}
