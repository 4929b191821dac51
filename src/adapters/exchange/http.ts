import { randomUUID } from "node:crypto";
import { z } from "zod";
import { SIGNATURE_HEADERS, signRequest } from "./signature";
import { type ExchangeConnector, exchangeTimeout, exchangeUnavailable, type LookupResult } from "./types";

/** Settings of one HTTP/JSON provider. */
export type HttpConnectorOptions = {
  /** e.g. https://scjg.example.gov.cn/api/yizhan */
  baseUrl: string;
  /** Human name of the provider for errors (怀远县市场监督管理局). */
  providerName: string;
  keyId: string;
  secret: string;
  timeoutMs?: number;
  now?: () => number;
};

const ZAnswer = z.object({
  subjectName: z.string().optional(),
  validUntil: z.string().nullable().optional(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  documents: z
    .array(z.object({ fileName: z.string(), contentType: z.string(), base64: z.string() }))
    .default([]),
});

/**
 * A generic HTTP/JSON connector: `GET {baseUrl}/datasets/{dataset}/subjects/{code}` signed with
 * HMAC-SHA256 (key id, timestamp, nonce, signature headers), with a timeout. 200 → fields and
 * documents (base64), 404 → null, anything else → `exchange_unavailable`, no answer → `exchange_timeout`.
 */
export class HttpJsonConnector implements ExchangeConnector {
  readonly kind = "http";
  constructor(private readonly opts: HttpConnectorOptions) {}

  async lookup(subjectCode: string, dataset: string): Promise<LookupResult | null> {
    const { baseUrl, providerName, keyId, secret } = this.opts;
    const timeoutMs = this.opts.timeoutMs ?? 5_000;
    const url = new URL(
      `${baseUrl.replace(/\/$/, "")}/datasets/${encodeURIComponent(dataset)}/subjects/${encodeURIComponent(subjectCode)}`,
    );
    const timestamp = String((this.opts.now ?? Date.now)());
    const nonce = randomUUID();
    const pathAndQuery = url.pathname + url.search;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: {
          accept: "application/json",
          [SIGNATURE_HEADERS.key]: keyId,
          [SIGNATURE_HEADERS.timestamp]: timestamp,
          [SIGNATURE_HEADERS.nonce]: nonce,
          [SIGNATURE_HEADERS.signature]: signRequest(secret, "GET", pathAndQuery, timestamp, nonce),
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const name = (e as Error).name;
      if (name === "TimeoutError" || name === "AbortError") throw exchangeTimeout(providerName, timeoutMs);
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw exchangeUnavailable(providerName, `连接失败 connection failed (${cause})`);
    }
    if (res.status === 404) return null;
    if (res.status === 401 || res.status === 403)
      throw exchangeUnavailable(providerName, `签名被拒绝 signature rejected (HTTP ${res.status})`);
    if (!res.ok) throw exchangeUnavailable(providerName, `HTTP ${res.status}`);
    let body: z.infer<typeof ZAnswer>;
    try {
      body = ZAnswer.parse(await res.json());
    } catch {
      throw exchangeUnavailable(providerName, "应答格式错误 malformed answer");
    }
    return {
      subjectName: body.subjectName,
      validUntil: body.validUntil ?? null,
      fields: Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [k, String(v)])),
      documents: body.documents.map((d) => ({
        fileName: d.fileName,
        contentType: d.contentType,
        bytes: Buffer.from(d.base64, "base64"),
      })),
    };
  }
}
