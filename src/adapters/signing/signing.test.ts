import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { signBytes } from "./algorithms";
import { canonicalJson } from "./canonicalJson";
import {
  LEGACY_CERTIFICATE_FORMAT,
  payloadDigest,
  publishedKeySet,
  signedBytes,
  signPayload,
  verifyDocument,
} from "./document";
import { jwkOf, keysFromPublishedSet, publicKeyPemFromJwk } from "./jwk";
import { KeyStore } from "./keyStore";

const payload = {
  name: "不动产权证书",
  number: "皖（2026）怀远县不动产权第0000001号",
  holder: { name: "安徽三木新材料科技有限公司", code: "91340321MA2T5ABC0H", codeType: "001" },
  fields: [{ name: "坐落", value: "怀远县经济开发区涂山路18号" }],
  validity: { from: "2026-11-24", until: null },
};

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"]);
    return true;
  } catch {
    return false;
  }
}

describe("canonical JSON (RFC 8785 subset)", () => {
  it("sorts keys at every level and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "二"], c: null } })).toBe('{"a":{"c":null,"d":[1,"二"]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe("signing and verification", () => {
  for (const alg of ["Ed25519", "SM2-SM3"] as const) {
    it(`${alg}: verifies, and a one-byte tamper anywhere fails`, () => {
      const store = new KeyStore(mkdtempSync(join(tmpdir(), "yz-keys-")));
      const key = store.init("HY-ZRZY", alg);
      const doc = signPayload(payload, { ...key, privateKeyPem: store.privateKeyPem(key.kid) }, new Date());
      const keys = publishedKeySet("test", store.list()).keys;
      expect(verifyDocument(doc, keys)).toMatchObject({ ok: true, kid: key.kid });
      // one byte of the payload: 0000001 → 0000002
      const tampered = JSON.parse(JSON.stringify(doc).replace("第0000001号", "第0000002号"));
      expect(verifyDocument(tampered, keys)).toEqual({ ok: false, reason: "bad_signature" });
      // one byte of the signature
      const sig = Buffer.from(doc.signature.value, "base64");
      sig[sig.length - 1] ^= 0x01;
      expect(
        verifyDocument({ ...doc, signature: { ...doc.signature, value: sig.toString("base64") } }, keys).ok,
      ).toBe(false);
      // an unknown key
      expect(verifyDocument({ ...doc, signature: { ...doc.signature, kid: "nope" } }, keys)).toEqual({
        ok: false,
        reason: "unknown_key",
      });
    });
  }

  it("rotation: the old key is retired but old documents still verify; new ones use the new key", () => {
    const store = new KeyStore(mkdtempSync(join(tmpdir(), "yz-keys-")));
    const k1 = store.init("HY-ZRZY", "Ed25519");
    const old = signPayload(payload, { ...k1, privateKeyPem: store.privateKeyPem(k1.kid) }, new Date());
    const k2 = store.rotate("HY-ZRZY", "Ed25519");
    expect(store.active("HY-ZRZY")?.kid).toBe(k2.kid);
    expect(store.list().find((k) => k.kid === k1.kid)?.retiredAt).not.toBeNull();
    const keys = publishedKeySet("test", store.list()).keys;
    expect(verifyDocument(old, keys)).toMatchObject({ ok: true, kid: k1.kid });
    const fresh = signPayload(payload, { ...k2, privateKeyPem: store.privateKeyPem(k2.kid) }, new Date());
    expect(verifyDocument(fresh, keys)).toMatchObject({ ok: true, kid: k2.kid });
    expect(payloadDigest(payload)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.runIf(hasOpenssl())(
    "SM2-SM3 and Ed25519 signatures verify with the openssl CLI (SM2: no distid, i.e. empty signer ID)",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "yz-ossl-"));
      for (const alg of ["SM2-SM3", "Ed25519"] as const) {
        const store = new KeyStore(join(dir, alg));
        const key = store.init("HY-ZRZY", alg);
        const doc = signPayload(payload, { ...key, privateKeyPem: store.privateKeyPem(key.kid) }, new Date());
        const files = {
          data: join(dir, `${alg}.data`),
          sig: join(dir, `${alg}.sig`),
          pub: join(dir, `${alg}.pub`),
        };
        writeFileSync(files.data, signedBytes(doc));
        writeFileSync(files.sig, Buffer.from(doc.signature.value, "base64"));
        writeFileSync(files.pub, key.publicKeyPem);
        const args = [
          "pkeyutl",
          "-verify",
          "-pubin",
          "-inkey",
          files.pub,
          "-rawin",
          "-in",
          files.data,
          "-sigfile",
          files.sig,
        ];
        const out = execFileSync(
          "openssl",
          alg === "SM2-SM3" ? [...args, "-digest", "sm3"] : args,
        ).toString();
        expect(out).toContain("Signature Verified Successfully");
      }
    },
  );
});

describe("what is signed (format 2) and the legacy format", () => {
  const store = new KeyStore(mkdtempSync(join(tmpdir(), "yz-keys-")));
  const k1 = store.init("HY-ZRZY", "Ed25519");
  const k2 = store.init("HY-SQJ", "Ed25519");
  const keyOf = (k: typeof k1) => ({ ...k, privateKeyPem: store.privateKeyPem(k.kid) });
  const keys = publishedKeySet("test", store.list()).keys;

  it("the signing time and the key id are inside what is signed", () => {
    const doc = signPayload(payload, keyOf(k1), new Date("2026-11-24T01:00:00Z"));
    expect(JSON.parse(signedBytes(doc).toString("utf8"))).toMatchObject({
      kid: k1.kid,
      signedAt: "2026-11-24T01:00:00.000Z",
      format: "yizhan-certificate/2",
    });
    expect(Buffer.from(doc.signature.signedData ?? "", "base64").equals(signedBytes(doc))).toBe(true);
    const { signedData: _d, ...withoutData } = doc.signature;
    const later = { ...doc, signature: { ...withoutData, signedAt: "2027-01-01T00:00:00.000Z" } };
    expect(verifyDocument(later, keys)).toEqual({ ok: false, reason: "bad_signature" });
    // Another published key of the same algorithm cannot claim the signature either.
    const otherKid = { ...doc, signature: { ...withoutData, kid: k2.kid } };
    expect(verifyDocument(otherKid, keys)).toEqual({ ok: false, reason: "bad_signature" });
    // signedData that is not exactly the document's bytes is refused.
    const swapped = {
      ...doc,
      signature: { ...doc.signature, signedData: Buffer.from("{}").toString("base64") },
    };
    expect(verifyDocument(swapped, keys)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("a certificate of the first format (payload only signed) still verifies, reported as legacy", () => {
    const legacy = {
      format: LEGACY_CERTIFICATE_FORMAT,
      payload,
      signature: {
        alg: "Ed25519" as const,
        kid: k1.kid,
        signedAt: "2026-11-24T01:00:00.000Z",
        value: signBytes(
          "Ed25519",
          store.privateKeyPem(k1.kid),
          Buffer.from(canonicalJson(payload)),
        ).toString("base64"),
      },
    };
    expect(verifyDocument(legacy, keys)).toMatchObject({ ok: true, kid: k1.kid, legacy: true });
    const tampered = JSON.parse(JSON.stringify(legacy).replace("第0000001号", "第0000002号"));
    expect(verifyDocument(tampered, keys).ok).toBe(false);
  });

  it("a key that names another issuer than the certificate's is refused (wrong_issuer)", () => {
    const doc = signPayload({ ...payload, issuer: { code: "11340321MB0000000X" } }, keyOf(k1), new Date());
    const named = keys.map((k) => ({ ...k, issuerCode: k.org === "HY-ZRZY" ? "11340321MB1234567Y" : "x" }));
    expect(verifyDocument(doc, named)).toEqual({ ok: false, reason: "wrong_issuer" });
    const right = keys.map((k) => ({ ...k, issuerCode: "11340321MB0000000X" }));
    expect(verifyDocument(doc, right).ok).toBe(true);
  });

  for (const alg of ["Ed25519", "SM2-SM3"] as const) {
    it(`${alg}: the JWKS entry gives back the same public key (verify with the JWKS alone)`, () => {
      const s2 = new KeyStore(mkdtempSync(join(tmpdir(), "yz-keys-")));
      const k = s2.init("HY-ZRZY", alg);
      const set = publishedKeySet("test", s2.list());
      const jwks = { keys: set.keys.map(jwkOf) };
      expect(JSON.stringify(jwks)).not.toContain("PUBLIC KEY");
      expect(publicKeyPemFromJwk(jwks.keys[0])).toBe(k.publicKeyPem);
      const fromJwks = keysFromPublishedSet(JSON.parse(JSON.stringify(jwks)));
      const doc = signPayload(payload, { ...k, privateKeyPem: s2.privateKeyPem(k.kid) }, new Date());
      expect(verifyDocument(doc, fromJwks)).toMatchObject({ ok: true, kid: k.kid, legacy: false });
    });
  }
});
