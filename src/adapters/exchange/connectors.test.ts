import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { YizhanError } from "../../domain/errors";
import { CsvError, csvRecords, decodeCsvBytes, parseCsv, parseCsvRows } from "./csv";
import { HttpJsonConnector } from "./http";
import { signRequest, verifyRequest } from "./signature";

const SECRET = "s3cret-shared-with-scjg";
let server: Server;
let base: string;
let seen: { path: string; key: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "";
    seen.push({ path: url, key: req.headers["x-yizhan-key"] as string | undefined });
    if (
      !verifyRequest(
        SECRET,
        { method: req.method ?? "GET", pathAndQuery: url, headers: req.headers },
        Date.now(),
      )
    ) {
      res.writeHead(401).end();
      return;
    }
    if (url.includes("/subjects/91340321MA2T5ABC0H")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          subjectName: "安徽三木新材料科技有限公司",
          validUntil: "2049-03-17",
          fields: { 法定代表人: "李三木", 注册资本: 5000 },
          documents: [
            {
              fileName: "营业执照.pdf",
              contentType: "application/pdf",
              base64: Buffer.from("%PDF-1.4").toString("base64"),
            },
          ],
        }),
      );
    } else if (url.includes("/subjects/BROKEN")) {
      res.writeHead(500).end("boom");
    } else if (url.includes("/subjects/SLOW")) {
      setTimeout(() => res.writeHead(404).end(), 1_000);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const connector = (o: Partial<ConstructorParameters<typeof HttpJsonConnector>[0]> = {}) =>
  new HttpJsonConnector({
    baseUrl: base,
    providerName: "怀远县市场监督管理局",
    keyId: "yizhan",
    secret: SECRET,
    timeoutMs: 300,
    ...o,
  });

async function errorOf(p: Promise<unknown>): Promise<YizhanError> {
  try {
    await p;
  } catch (e) {
    return e as YizhanError;
  }
  throw new Error("expected an error");
}

describe("HTTP/JSON connector against a real local server", () => {
  it("sends a signed request and returns fields and documents", async () => {
    seen = [];
    const r = await connector().lookup("91340321MA2T5ABC0H", "business_licence");
    expect(seen[0]).toEqual({
      path: "/api/datasets/business_licence/subjects/91340321MA2T5ABC0H",
      key: "yizhan",
    });
    expect(r?.fields).toEqual({ 法定代表人: "李三木", 注册资本: "5000" });
    expect(r?.validUntil).toBe("2049-03-17");
    expect(r?.documents[0].bytes.toString()).toBe("%PDF-1.4");
  });
  it("answers null when the provider holds nothing (404)", async () => {
    expect(await connector().lookup("340321198503122011", "business_licence")).toBeNull();
  });
  it("a wrong secret is rejected by the provider: a clear bilingual error", async () => {
    const e = await errorOf(connector({ secret: "wrong" }).lookup("91340321MA2T5ABC0H", "business_licence"));
    expect(e.code).toBe("exchange_unavailable");
    expect(e.messages["zh-CN"]).toContain("签名被拒绝");
  });
  it("a 500 becomes exchange_unavailable (502) naming the provider in both languages", async () => {
    const e = await errorOf(connector().lookup("BROKEN", "business_licence"));
    expect(e.status).toBe(502);
    expect(e.messages["zh-CN"]).toContain("怀远县市场监督管理局");
    expect(e.messages["en-US"]).toContain("HTTP 500");
  });
  it("no answer within the timeout becomes exchange_timeout (504)", async () => {
    const started = Date.now();
    const e = await errorOf(connector({ timeoutMs: 150 }).lookup("SLOW", "business_licence"));
    expect(e.code).toBe("exchange_timeout");
    expect(e.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(900);
  });
  it("a provider that is down (connection refused) is exchange_unavailable", async () => {
    const e = await errorOf(connector({ baseUrl: "http://127.0.0.1:1/api" }).lookup("X", "business_licence"));
    expect(e.code).toBe("exchange_unavailable");
    expect(e.messages["en-US"]).toContain("connection failed");
  });
});

describe("request signatures (HMAC-SHA256)", () => {
  it("verifies a good signature and refuses a tampered path, a stale timestamp or a wrong secret", () => {
    const ts = "1700000000000";
    const sig = signRequest(SECRET, "GET", "/a?b=1", ts, "n1");
    const headers = { "x-yizhan-timestamp": ts, "x-yizhan-nonce": "n1", "x-yizhan-signature": sig };
    expect(verifyRequest(SECRET, { method: "GET", pathAndQuery: "/a?b=1", headers }, 1700000000000)).toBe(
      true,
    );
    expect(verifyRequest(SECRET, { method: "GET", pathAndQuery: "/a?b=2", headers }, 1700000000000)).toBe(
      false,
    );
    expect(
      verifyRequest(SECRET, { method: "GET", pathAndQuery: "/a?b=1", headers }, 1700000000000 + 600_000),
    ).toBe(false);
    expect(verifyRequest("other", { method: "GET", pathAndQuery: "/a?b=1", headers }, 1700000000000)).toBe(
      false,
    );
  });
});

describe("CSV import format", () => {
  it("parses quotes, doubled quotes, CRLF and a BOM; other columns become fields", () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","he said ""hi"""\r\n')).toEqual([
      ["a", "b"],
      ["x, y", 'he said "hi"'],
    ]);
    const recs = csvRecords(
      "subject_code,subject_name,valid_until,法定代表人\n91340321MA2T5ABC0H,三木,2049-03-17,李三木\n",
    );
    expect(recs).toEqual([
      {
        line: 2,
        subjectCode: "91340321MA2T5ABC0H",
        subjectName: "三木",
        validUntil: "2049-03-17",
        fields: { 法定代表人: "李三木" },
      },
    ]);
    expect(() => csvRecords("name\nx\n")).toThrow(/subject_code/);
  });

  it("keeps line breaks inside quotes and numbers each record by the line it starts on", () => {
    const rows = parseCsvRows('h1,h2\r\n"a\r\nb",c\r\n\r\n"x\ny\nz",w\nlast,1');
    expect(rows).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["a\r\nb", "c"] },
      { line: 5, fields: ["x\ny\nz", "w"] },
      { line: 8, fields: ["last", "1"] },
    ]);
    const recs = csvRecords(
      'subject_code,subject_name,地址\n91340321MA2T5ABC0H,"三木\n公司","a ""b"""\n123,x\n',
    );
    expect(recs.map((r) => [r.line, r.subjectName, r.fields.地址, r.fieldCount])).toEqual([
      [2, "三木\n公司", 'a "b"', undefined],
      [4, "x", undefined, { expected: 3, got: 2 }],
    ]);
  });

  it("refuses an unclosed quote with the line it opened on, and text after a closing quote", () => {
    const unclosed = (() => {
      try {
        parseCsvRows('a,b\n1,2\n3,"never\nclosed\n');
      } catch (e) {
        return e;
      }
    })();
    expect(unclosed).toBeInstanceOf(CsvError);
    expect(unclosed).toMatchObject({ code: "unclosed_quote", line: 3 });
    expect(() => parseCsvRows('a\n"x"y\n')).toThrow(/line 2: text after a closing quote/);
  });

  it("decodes GB18030/GBK and UTF-8 (with BOM), and refuses bytes that are neither", () => {
    // "subject_name\n三木" in GBK: 三 = C8FD, 木 = C4BE.
    const gbk = Uint8Array.from([...Buffer.from("subject_name\n"), 0xc8, 0xfd, 0xc4, 0xbe]);
    expect(decodeCsvBytes(gbk)).toEqual({ text: "subject_name\n三木", encoding: "gb18030" });
    expect(decodeCsvBytes(Buffer.from("\ufeff三木", "utf8"))).toEqual({ text: "三木", encoding: "utf-8" });
    expect(() => decodeCsvBytes(Uint8Array.from([0x80, 0x20, 0xff, 0xff]))).toThrow(CsvError);
  });
});
