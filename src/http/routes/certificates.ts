import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { publishedJwks, publishedKeys, registeredKey } from "../../app/certificates/keys";
import { certificatePdf } from "../../app/certificates/pdf";
import {
  certificateJson,
  getCertificate,
  listCaseCertificates,
  listWallet,
} from "../../app/certificates/queries";
import { revokeCertificate } from "../../app/certificates/revoke";
import { verifyByLink, verifyDocumentOnline } from "../../app/certificates/verify";
import type { AppContext } from "../../app/context";
import { notFound } from "../../domain/errors";
import {
  ZCertificate,
  ZCertificateList,
  ZJwks,
  ZPublishedKeySet,
  ZSignedCertificate,
  ZVerification,
} from "../../shared/api/certificates";
import {
  ZCertificateIdParams,
  ZGetSigningKeyPemParams,
  ZRevokeCertificate,
  ZVerifyCertificateDocumentBody,
  ZVerifyQuery,
} from "../../shared/api/requests/certificates";
import { binaryResponse } from "../openapi";
import { requireActor } from "../plugins/auth";

const tags = ["certificates"];
const attachment = (name: string) => `inline; filename*=UTF-8''${encodeURIComponent(name)}`;

/** E-certificates (电子证照): read, download (PDF, signed JSON), revoke, the wallet, public verification and keys. */
export async function certificateRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/certificates/:id",
    {
      schema: {
        operationId: "getCertificate",
        tags,
        summary: "One certificate (GB/T 36903 metadata)",
        params: ZCertificateIdParams,
        response: { 200: ZCertificate },
        problems: [403],
      },
    },
    async (req) => getCertificate(ctx, requireActor(req), req.params.id),
  );

  r.get(
    "/api/certificates/:id/pdf",
    {
      schema: {
        operationId: "downloadCertificatePdf",
        tags,
        summary: "The certificate as PDF with its QR code (and red-line map)",
        params: ZCertificateIdParams,
        response: { 200: binaryResponse("The certificate as PDF", "application/pdf") },
        problems: [403],
      },
    },
    async (req, reply) => {
      const doc = await certificatePdf(ctx, requireActor(req), req.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(doc.fileName))
        .send(doc.bytes);
    },
  );

  r.get(
    "/api/certificates/:id/json",
    {
      schema: {
        operationId: "downloadCertificateJson",
        tags,
        summary: "The certificate as signed JSON (verifiable offline)",
        params: ZCertificateIdParams,
        response: { 200: ZSignedCertificate },
        problems: [403],
      },
    },
    async (req, reply) => {
      const doc = await certificateJson(ctx, requireActor(req), req.params.id);
      return reply
        .header("content-disposition", `attachment; filename="certificate-${req.params.id}.json"`)
        .send(doc);
    },
  );

  r.post(
    "/api/certificates/:id/revoke",
    {
      schema: {
        operationId: "revokeCertificate",
        tags,
        summary: "注销 / 撤销 a certificate, with a reason (approver)",
        params: ZCertificateIdParams,
        body: ZRevokeCertificate,
        response: { 200: ZCertificate },
        problems: [409],
      },
    },
    async (req) => revokeCertificate(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/wallet",
    {
      schema: {
        operationId: "listWallet",
        tags,
        summary: "The caller's certificate wallet (证照库)",
        response: { 200: ZCertificateList },
      },
    },
    async (req) => listWallet(ctx, requireActor(req)),
  );

  r.get(
    "/api/cases/:id/certificates",
    {
      schema: {
        operationId: "listCaseCertificates",
        tags,
        summary: "Certificates issued for a case",
        params: ZCertificateIdParams,
        response: { 200: ZCertificateList },
        problems: [403],
      },
    },
    async (req) => listCaseCertificates(ctx, requireActor(req), req.params.id),
  );

  r.get(
    "/api/public/certificates/verify",
    {
      config: { access: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        operationId: "verifyCertificate",
        tags: ["public"],
        summary:
          "Verify a certificate by its QR link (id, no, d): valid / revoked / expired / unknown / tampered",
        querystring: ZVerifyQuery,
        response: { 200: ZVerification },
      },
    },
    async (req) => verifyByLink(ctx, req.query),
  );

  r.post(
    "/api/public/certificates/verify",
    {
      config: { access: "public", csrf: false, rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        operationId: "verifyCertificateDocument",
        tags: ["public"],
        summary: "Verify a certificate JSON (payload + signature)",
        body: ZVerifyCertificateDocumentBody,
        response: { 200: ZVerification },
      },
    },
    async (req) => verifyDocumentOnline(ctx, req.body),
  );

  const keys = async () => publishedKeys(ctx.database.db, ctx.config.publicUrl);
  r.get(
    "/.well-known/yizhan-keys.json",
    {
      config: { access: "public" },
      schema: {
        operationId: "getSigningKeys",
        tags: ["public"],
        summary: "Public signing keys (active and retired)",
        response: { 200: ZPublishedKeySet },
      },
    },
    keys,
  );
  r.get(
    "/.well-known/jwks.json",
    {
      config: { access: "public" },
      schema: {
        operationId: "getSigningJwks",
        tags: ["public"],
        summary:
          "The same keys as a JWKS: Ed25519 as RFC 8037 OKP JWKs, SM2 as EC JWKs with crv SM2 (not IANA-registered); each names its issuer",
        response: { 200: ZJwks },
      },
    },
    async () => publishedJwks(ctx.database.db),
  );
  r.get(
    "/.well-known/yizhan-keys/:file",
    {
      config: { access: "public" },
      schema: {
        operationId: "getSigningKeyPem",
        tags: ["public"],
        summary:
          "One public key as a PEM file (`<kid>.pem`), for `openssl pkeyutl -verify` (docs/certificates.md)",
        params: ZGetSigningKeyPemParams,
        response: { 200: binaryResponse("The public key (SPKI PEM)", "application/x-pem-file") },
      },
    },
    async (req, reply) => {
      const kid = req.params.file.replace(/\.pem$/, "");
      const key = req.params.file.endsWith(".pem") ? await registeredKey(ctx.database.db, kid) : undefined;
      if (!key) throw notFound({ "zh-CN": "签名公钥", "en-US": "Signing key" });
      return reply.type("application/x-pem-file").send(key.publicKeyPem);
    },
  );
}
