import { YizhanError } from "../../domain/errors";

/** A document another department holds about a subject (e.g. the licence as a PDF). */
export type SharedDocument = { fileName: string; contentType: string; bytes: Buffer };

/** What a connector answers for one subject in one dataset. */
export type LookupResult = {
  /** Documents as the provider holds them; empty when only structured fields exist. */
  documents: SharedDocument[];
  /** Structured fields (名称, 法定代表人, 税额 …), strings as the provider states them. */
  fields: Record<string, string>;
  subjectName?: string;
  validUntil?: string | null;
  /** Yizhan file already holding the document (records of the built-in directory). */
  fileId?: string | null;
};

/**
 * A connector to another department's data (数据共享): look up by subject code (统一社会信用代码 or
 * 居民身份证号) in a dataset → documents and fields, or null when the provider holds nothing.
 * Throws `exchange_unavailable` / `exchange_timeout` when the other side cannot answer.
 */
export interface ExchangeConnector {
  /** Short name for the access log: directory, http, csv. */
  readonly kind: string;
  lookup(subjectCode: string, dataset: string): Promise<LookupResult | null>;
}

/** 502: the provider answered with an error or nonsense (bilingual, names the provider). */
export function exchangeUnavailable(provider: string, detail: string): YizhanError {
  return new YizhanError(
    "exchange_unavailable",
    502,
    {
      "zh-CN": `共享数据服务暂不可用（${provider}）：${detail}。请稍后重试，或由申请人上传该材料`,
      "en-US": `The shared-data service is unavailable (${provider}): ${detail}. Try again later, or upload the material`,
    },
    { details: { provider, detail } },
  );
}

/** 504: the provider did not answer within the timeout. */
export function exchangeTimeout(provider: string, timeoutMs: number): YizhanError {
  return new YizhanError(
    "exchange_timeout",
    504,
    {
      "zh-CN": `共享数据服务（${provider}）在 ${timeoutMs} 毫秒内未响应，请稍后重试，或由申请人上传该材料`,
      "en-US": `The shared-data service (${provider}) did not answer within ${timeoutMs} ms; try again later, or upload the material`,
    },
    { details: { provider, timeoutMs } },
  );
}
