import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { logSerializers } from "../adapters/logging";
import type { AppContext } from "../app/context";
import "../app/policies";
import { YizhanError } from "../domain/errors";
import { documentObject, documentRoute } from "./openapi";
import { authPlugin } from "./plugins/auth";
import { idempotencyPlugin } from "./plugins/idempotency";
import { sendProblem } from "./problem";
import { checkedSerializerCompiler, presenterSerializerCompiler } from "./responseCheck";
import { adminRoutes } from "./routes/admin";
import { alertRoutes } from "./routes/alerts";
import { applicantRoutes } from "./routes/applicants";
import { authRoutes } from "./routes/auth";
import { calendarRoutes } from "./routes/calendar";
import { caseRoutes } from "./routes/cases";
import { catalogRoutes } from "./routes/catalog";
import { certificateRoutes } from "./routes/certificates";
import { deferredMaterialRoutes } from "./routes/deferredMaterials";
import { demoRoutes } from "./routes/demo";
import { evaluationRoutes } from "./routes/evaluations";
import { exchangeRoutes } from "./routes/exchange";
import { feeRoutes } from "./routes/fees";
import { healthRoutes } from "./routes/health";
import { inquiryRoutes } from "./routes/inquiries";
import { notificationRoutes } from "./routes/notifications";
import { policyLibraryRoutes } from "./routes/policyLibrary";
import { projectRoutes } from "./routes/projects";
import { publicPortalRoutes } from "./routes/publicPortal";
import { publicProgressRoutes } from "./routes/publicProgress";
import { referralRoutes } from "./routes/referrals";
import { reviewRoutes } from "./routes/review";
import { staffRoutes } from "./routes/staff";
import { supervisionFigureRoutes } from "./routes/supervisionFigures";
import { trainingRoutes } from "./routes/training";
import { transparencyRoutes } from "./routes/transparency";
import { HELMET_OPTIONS, securityHeaders } from "./securityHeaders";
import { registerTextGuard } from "./textGuard";

export type ServerOptions = {
  logger?: FastifyServerOptions["logger"];
  /** Built web application (Vite output) served at `/`; skipped when absent. */
  webDir?: string;
  /**
   * Fail a response whose schema would change what the route returned (tests: every integration test
   * then checks the OpenAPI document's response schemas against the data sent; src/http/responseCheck.ts).
   */
  checkResponses?: boolean;
  /** Sees every route of the API as it is declared (tests of the declarations: src/http/requestSchemas.test.ts). */
  onRoute?: (route: RouteOptions) => void;
};

/** Route modules, registered in order; later features append theirs here. */
const ROUTES = [
  healthRoutes,
  authRoutes,
  adminRoutes,
  calendarRoutes,
  catalogRoutes,
  notificationRoutes,
  caseRoutes,
  deferredMaterialRoutes,
  applicantRoutes,
  reviewRoutes,
  publicProgressRoutes,
  publicPortalRoutes,
  certificateRoutes,
  feeRoutes,
  exchangeRoutes,
  referralRoutes,
  projectRoutes,
  evaluationRoutes,
  inquiryRoutes,
  trainingRoutes,
  policyLibraryRoutes,
  staffRoutes,
  alertRoutes,
  supervisionFigureRoutes,
  transparencyRoutes,
  demoRoutes,
];

/**
 * Builds the Fastify server: problem+json errors, request ids, security headers, cookie sessions
 * with CSRF, login rate limit, OpenAPI 3 at `/api/openapi.json` with Swagger UI at `/api/docs`,
 * the routes, and the web application with SPA fallback.
 */
export async function buildServer(ctx: AppContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Every log line masks identifiers and leaves out SQL parameters (src/adapters/logging.ts).
    logger:
      opts.logger && typeof opts.logger === "object"
        ? { ...opts.logger, serializers: { ...logSerializers, ...opts.logger.serializers } }
        : (opts.logger ?? false),
    genReqId: (req) => (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID(),
    // Only the configured proxies may name the client's address (YIZHAN_TRUST_PROXY; docs/security.md).
    trustProxy: ctx.config.trustProxy.length > 0 ? ctx.config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    // Errors of the router itself (a path parameter over 100 characters, a malformed URL) are problems too.
    frameworkErrors: (err, req, reply) => sendProblem(req, reply, err),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(opts.checkResponses ? checkedSerializerCompiler : presenterSerializerCompiler);
  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err));
  app.setNotFoundHandler((req, reply) => {
    if (
      !req.url.startsWith("/api/") &&
      req.method === "GET" &&
      opts.webDir &&
      existsSync(join(opts.webDir, "index.html"))
    ) {
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    }
    return sendProblem(
      req,
      reply,
      new YizhanError("not_found", 404, { "zh-CN": "接口不存在", "en-US": "No such endpoint" }),
    );
  });
  registerTextGuard(app);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
    // What the API answers a signed-in caller, or on a route that needs a session, stays out of every
    // cache (browser back/forward, shared proxies); the route may say otherwise (a public document).
    if (
      req.url.startsWith("/api/") &&
      !reply.hasHeader("cache-control") &&
      (req.actor || (req.routeOptions.config?.access ?? "session") === "session")
    ) {
      reply.header("cache-control", "no-store");
    }
  });

  await securityHeaders(app, HELMET_OPTIONS);
  await app.register(fastifyCookie);
  // Signed-in callers are counted per account, anonymous ones per address: a bureau's window staff sit
  // behind one address, and one busy office must not exhaust the public limits for its colleagues. (The
  // auth plugin's onRequest hook has resolved the session before a route's rate-limit hook runs.)
  await app.register(fastifyRateLimit, {
    global: false,
    keyGenerator: (req) => (req.actor ? `user:${req.actor.userId}` : `ip:${req.ip}`),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024 + 1, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Yizhan (一站) API",
        description: "One-stop approval service platform. Errors are application/problem+json (RFC 9457).",
        version: ctx.config.version,
        license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
      },
      servers: [{ url: ctx.config.publicUrl, description: "This deployment (its public URL)" }],
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "yz_session",
            description: "The session cookie set by `login` (httpOnly)",
          },
          csrf: {
            type: "apiKey",
            in: "header",
            name: "x-csrf-token",
            description: "The session's CSRF token (`csrfToken` of `Me`, cookie `yz_csrf`), on every write",
          },
        },
      },
    },
    transform: documentRoute,
    transformObject: documentObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(authPlugin, { ctx });
  await app.register(idempotencyPlugin, { ctx });
  await app.register(async (api) => {
    // Every route of the API needs a session unless it says otherwise (`config.access`, src/http/openapi.ts).
    api.addHook("onRoute", (route) => {
      route.config = { access: "session", ...route.config };
      opts.onRoute?.(route);
    });
    for (const routes of ROUTES) await api.register(routes, { ctx });
  });

  if (opts.webDir && existsSync(opts.webDir)) {
    await app.register(fastifyStatic, {
      root: opts.webDir,
      prefix: "/",
      wildcard: false,
      index: ["index.html"],
      // The build writes .br and .gz beside every text asset (scripts/precompress.ts): sent as they are.
      preCompressed: true,
      globIgnore: ["**/*.br", "**/*.gz"],
      cacheControl: false,
      setHeaders: (reply, path) => reply.header("cache-control", webCacheControl(path)),
    });
  }
  return app;
}

/**
 * Hashed build output under /assets/ never changes under its name: cached for a year, never revalidated.
 * Everything else (index.html, which names the current hashes) is revalidated on every load.
 */
export function webCacheControl(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache";
}
