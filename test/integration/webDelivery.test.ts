import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress } from "../../scripts/precompress";
import { createTestApp, type TestApp } from "../helpers/testApp";

/** A built web application in miniature: index.html naming one hashed script, precompressed as the build does. */
const SCRIPT = `export const greeting = ${JSON.stringify("一站办结 ".repeat(400))};\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${"<!-- padding -->".repeat(80)}</body></html>`;

let t: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), "yizhan-web-"));
  mkdirSync(join(webDir, "assets"));
  writeFileSync(join(webDir, "index.html"), INDEX);
  writeFileSync(join(webDir, "assets/index-Ab12Cd34.js"), SCRIPT);
  writeFileSync(join(webDir, "assets/tiny-Ef56.js"), "export {};\n");
  const sums = precompress(webDir);
  expect(sums.files).toBe(2); // the tiny script is below the threshold
  t = await createTestApp({}, { webDir });
});

afterAll(async () => {
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe("delivery of the web application", () => {
  it("sends hashed assets brotli-compressed, cached for a year and immutable", async () => {
    const res = await t.app.inject({
      url: "/assets/index-Ab12Cd34.js",
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it("sends gzip to a client without brotli, and the plain file to one asking for neither", async () => {
    const gz = await t.app.inject({
      url: "/assets/index-Ab12Cd34.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await t.app.inject({
      url: "/assets/index-Ab12Cd34.js",
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const tiny = await t.app.inject({ url: "/assets/tiny-Ef56.js", headers: { "accept-encoding": "br" } });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("has index.html revalidated on every load, at / and at every page's address", async () => {
    for (const url of ["/", "/index.html", "/portal/apply"]) {
      const res = await t.app.inject({ url, headers: { "accept-encoding": "br, gzip" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      const body =
        res.headers["content-encoding"] === "br" ? brotliDecompressSync(res.rawPayload).toString() : res.body;
      expect(body, url).toBe(INDEX);
    }
  });
});
