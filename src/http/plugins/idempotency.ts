import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { canonicalJson } from "../../adapters/signing/canonicalJson";
import type { AppContext } from "../../app/context";
import {
  claimIdempotencyKey,
  keepIdempotentResponse,
  markIdempotencyCommitted,
  releaseIdempotencyKey,
} from "../../app/idempotency/keys";
import { YizhanError } from "../../domain/errors";
import { IDEMPOTENCY_HEADER, validIdempotencyKey } from "../../domain/idempotency";

declare module "fastify" {
  interface FastifyRequest {
    /** The key this request claimed (a write sent with `Idempotency-Key`); its answer is kept. */
    idempotency: { scope: string; key: string } | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The response headers a retry receives again. */
const KEPT_HEADERS = ["content-type", "location", "content-disposition"];
export const REPLAYED_HEADER = "idempotent-replayed";

/**
 * The same request: method, route, path parameters, query and body (canonical JSON). A multipart upload
 * is named by its route and parameters only: its parts are read by the route, after this check.
 */
function fingerprintOf(req: FastifyRequest): string {
  const multipart = String(req.headers["content-type"] ?? "").startsWith("multipart/");
  const parts = [
    req.method,
    req.routeOptions.url ?? req.url,
    canonicalJson(req.params ?? {}),
    canonicalJson(req.query ?? {}),
    multipart ? "multipart" : canonicalJson(req.body ?? null),
  ];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

/**
 * `Idempotency-Key` on every write (docs/api-conventions.md): the first request with a key runs and its
 * answer (any status below 500) is kept for 24 hours before the response leaves; a retry with the same
 * key and the same request receives that answer again (`Idempotent-Replayed: true`) and changes nothing;
 * the same key on a different request is 422; a retry while the first still runs is 409. A 5xx answer, a
 * streamed one or one that sets cookies (login) is not kept: a retry runs again.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { ctx } = opts;
  app.decorateRequest("idempotency", null);
  // Every transaction a keyed request runs marks its key `committed` in that same transaction, so a
  // retry after a crash between the commit and the kept answer never runs the change twice.
  const running = new AsyncLocalStorage<{ scope: string; key: string }>();
  let wrapped = false;
  // Wrapped at the first keyed write, not at registration: the OpenAPI document builds the server
  // without a database.
  const wrapTransactions = () => {
    if (wrapped) return;
    wrapped = true;
    const db = ctx.database.db;
    const transaction = db.transaction.bind(db);
    db.transaction = ((fn: Parameters<typeof transaction>[0], config?: Parameters<typeof transaction>[1]) => {
      const ref = running.getStore();
      if (!ref) return transaction(fn, config);
      return transaction(async (tx) => {
        const result = await fn(tx);
        await markIdempotencyCommitted(tx, ref);
        return result;
      }, config);
    }) as typeof db.transaction;
  };
  app.addHook("preHandler", async (req, reply) => {
    if (SAFE_METHODS.has(req.method)) return;
    const header = req.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header.join(",") : header;
    if (!validIdempotencyKey(key)) {
      throw new YizhanError(
        "validation_failed",
        422,
        {
          "zh-CN": "Idempotency-Key 请求头应为 1–200 个可见 ASCII 字符（建议使用 UUID）",
          "en-US": "The Idempotency-Key header must be 1–200 visible ASCII characters (a UUID, say)",
        },
        {
          errors: [
            {
              field: "Idempotency-Key",
              code: "invalid_format",
              message: { "zh-CN": "格式错误", "en-US": "Invalid format" },
            },
          ],
        },
      );
    }
    const ref = { scope: req.actor?.userId ?? "anonymous", key };
    const claim = await claimIdempotencyKey(ctx, ref, fingerprintOf(req));
    switch (claim.kind) {
      case "claimed":
        wrapTransactions();
        req.idempotency = ref;
        return;
      case "replay":
        reply.code(claim.response.statusCode);
        for (const [name, value] of Object.entries(claim.response.headers)) reply.header(name, value);
        reply.header(REPLAYED_HEADER, "true");
        return reply.send(claim.response.body);
      case "mismatch":
        throw new YizhanError("idempotency_key_reused", 422, {
          "zh-CN": "该 Idempotency-Key 已用于另一个请求：请为新的操作使用新的键",
          "en-US": "This Idempotency-Key was used for a different request; use a new key for a new operation",
        });
      case "applied":
        throw new YizhanError("idempotency_applied", 409, {
          "zh-CN": "该请求已生效，但服务器在返回结果前中断，结果已丢失：请刷新查看",
          "en-US":
            "This request was applied, but the server stopped before answering; reload to see the result",
        });
      case "in_progress":
        reply.header("retry-after", "1");
        throw new YizhanError("idempotency_in_progress", 409, {
          "zh-CN": "使用同一 Idempotency-Key 的请求正在处理，请稍后重试",
          "en-US": "A request with the same Idempotency-Key is still being processed; retry shortly",
        });
    }
  });
  // The rest of a keyed request (its handler) runs with its key at hand, for the transactions above.
  app.addHook("preHandler", (req, _reply, done) => {
    if (req.idempotency) running.run(req.idempotency, done);
    else done();
  });
  app.addHook("onSend", async (req, reply: FastifyReply, payload) => {
    const ref = req.idempotency;
    if (!ref) return payload;
    req.idempotency = null;
    const keepable =
      reply.statusCode < 500 &&
      reply.getHeader("set-cookie") === undefined &&
      (payload === null || payload === undefined || typeof payload === "string" || Buffer.isBuffer(payload));
    if (!keepable) {
      await releaseIdempotencyKey(ctx, ref);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    await keepIdempotentResponse(ctx, ref, {
      statusCode: reply.statusCode,
      headers,
      body: (payload as string | Buffer | null | undefined) ?? "",
    });
    return payload;
  });
});
