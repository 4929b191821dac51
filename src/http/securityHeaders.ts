import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";

/** The security headers of every answer: a strict CSP (no inline scripts, no framing), helmet's defaults. */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers @fastify/helmet sets with `options` (CSP, HSTS, X-Content-Type-Options …), computed once:
 * a route answered with and without the plugin, the headers only the first carries.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const bare = Fastify();
  const probe = Fastify();
  await probe.register(fastifyHelmet, options);
  for (const app of [bare, probe]) app.get("/", async () => "");
  try {
    const [a, b] = await Promise.all([bare.inject("/"), probe.inject("/")]);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(b.headers))
      if (!(name in a.headers) && typeof value === "string") headers[name] = value;
    return headers;
  } finally {
    await Promise.all([bare.close(), probe.close()]);
  }
}

/**
 * Sets on every answer the security headers @fastify/helmet would set with `options`. The headers do
 * not depend on the request (no CSP nonces), and the plugin rebuilt helmet's middleware for every
 * request (1.6 % of the server's CPU under the transitions benchmark, docs/performance.md).
 */
export async function securityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await helmetHeaders(options);
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
