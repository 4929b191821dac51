import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { policyAttachment, uploadPolicyAttachment } from "../../app/policyLibrary/attachments";
import {
  acknowledgeChangeNotice,
  createChangeNotice,
  getChangeNotice,
  listChangeNoticeAcknowledgements,
  listChangeNotices,
} from "../../app/policyLibrary/changeNotices";
import {
  createPolicy,
  getItemPolicies,
  getPolicy,
  getPolicyOptions,
  listPolicies,
  markPolicyRead,
  updatePolicy,
} from "../../app/policyLibrary/documents";
import { searchPolicies } from "../../app/policyLibrary/search";
import { getPolicyStudy } from "../../app/policyLibrary/study";
import {
  ZChangeNotice,
  ZChangeNoticeAcknowledgements,
  ZChangeNoticeList,
  ZItemPolicies,
  ZPolicyDocument,
  ZPolicyList,
  ZPolicyOptions,
  ZPolicySearchResult,
  ZPolicyStudy,
} from "../../shared/api/policyLibrary";
import {
  ZChangeNoticeIdParams,
  ZCreateChangeNotice,
  ZItemCodeParams,
  ZListChangeNoticesQuery,
  ZListPoliciesQuery,
  ZPolicyAttachmentParams,
  ZPolicyAttachmentParts,
  ZPolicyIdParams,
  ZPolicyInput,
  ZSearchPoliciesQuery,
  ZUpdatePolicy,
} from "../../shared/api/requests/policyLibrary";
import { readMultipart } from "../multipart";
import { binaryResponse } from "../openapi";
import { requireActor } from "../plugins/auth";

const tags = ["policies"];
const PUBLIC_RATE = { access: "optional", rateLimit: { max: 600, timeWindow: "1 minute" } } as const;

/** 政策文件库: documents, search, attachments, change notices and their acknowledgements (issue 17). */
export async function policyLibraryRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/policy-documents",
    {
      config: { access: "session" },
      schema: {
        operationId: "listPolicies",
        tags,
        summary:
          "Documents of the policy library (staff), newest first; filters status, level, issuer, item, tag",
        querystring: ZListPoliciesQuery,
        response: { 200: ZPolicyList },
        problems: [403],
      },
    },
    async (req) => listPolicies(ctx, requireActor(req), req.query),
  );

  r.get(
    "/api/policy-documents/search",
    {
      config: { access: "session" },
      schema: {
        operationId: "searchPolicies",
        tags,
        summary:
          "Chinese full-text search (jieba words in a simple tsvector): ranked hits with highlighted snippets (staff)",
        querystring: ZSearchPoliciesQuery,
        response: { 200: ZPolicySearchResult },
        problems: [403],
      },
    },
    async (req) => searchPolicies(ctx, requireActor(req), req.query),
  );

  r.post(
    "/api/policy-documents",
    {
      config: { access: "session" },
      schema: {
        operationId: "createPolicy",
        tags,
        summary: "Add a document to the library (supervisors, administrators)",
        body: ZPolicyInput,
        response: { 201: ZPolicyDocument },
        problems: [403],
      },
    },
    async (req, reply) => reply.code(201).send(await createPolicy(ctx, requireActor(req), req.body)),
  );

  r.get(
    "/api/policy-documents/:id",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "getPolicy",
        tags,
        summary:
          "A document with its links and text: staff read any; anyone an in-force document a service item cites (else 404)",
        params: ZPolicyIdParams,
        response: { 200: ZPolicyDocument },
        problems: [404],
      },
    },
    async (req) => getPolicy(ctx, req.actor ?? null, req.params.id),
  );

  r.put(
    "/api/policy-documents/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "updatePolicy",
        tags,
        summary: "Edit a document and its item links (supervisors, administrators; optimistic version, 409)",
        params: ZPolicyIdParams,
        body: ZUpdatePolicy,
        response: { 200: ZPolicyDocument },
        problems: [403, 404, 409],
      },
    },
    async (req) => updatePolicy(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    "/api/policy-documents/:id/read",
    {
      config: { access: "session" },
      schema: {
        operationId: "markPolicyRead",
        tags,
        summary: "Mark a document read (已学习, staff): it counts in the person's training record",
        params: ZPolicyIdParams,
        response: { 200: ZPolicyDocument },
        problems: [403, 404],
      },
    },
    async (req) => markPolicyRead(ctx, requireActor(req), req.params.id),
  );

  r.post(
    "/api/policy-documents/:id/attachments",
    {
      config: { access: "session" },
      schema: {
        operationId: "uploadPolicyAttachment",
        tags,
        summary:
          "Attach a PDF, Word (.docx) or text file (supervisors, administrators); `extractText=true` takes the text of the PDF (its text layer), .docx or .txt as the full text; 422 `file` when it has none",
        params: ZPolicyIdParams,
        multipart: { parts: ZPolicyAttachmentParts },
        response: { 201: ZPolicyDocument },
        problems: [403, 404],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { fields, file } = await readMultipart(req, { requireFile: true });
      if (!file) throw new Error("unreachable: readMultipart requires the file");
      const doc = await uploadPolicyAttachment(
        ctx,
        actor,
        req.params.id,
        file,
        fields.extractText === "true",
      );
      return reply.code(201).send(doc);
    },
  );

  r.get(
    "/api/policy-documents/:id/attachments/:fileId",
    {
      config: { access: "session" },
      schema: {
        operationId: "downloadPolicyAttachment",
        tags,
        summary: "An attachment of a document (staff)",
        params: ZPolicyAttachmentParams,
        response: {
          200: binaryResponse(
            "The file as uploaded",
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "text/plain",
          ),
        },
        problems: [404],
      },
    },
    async (req, reply) => {
      const f = await policyAttachment(ctx, requireActor(req), req.params.id, req.params.fileId);
      return reply
        .type(f.contentType)
        .header("x-content-sha256", f.sha256)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.bytes);
    },
  );

  r.get(
    "/api/policy-options",
    {
      config: { access: "session" },
      schema: {
        operationId: "getPolicyOptions",
        tags,
        summary:
          "Items (with their 设定依据), sections, townships and issuers the editor and notice form choose from",
        response: { 200: ZPolicyOptions },
        problems: [403],
      },
    },
    async (req) => getPolicyOptions(ctx, requireActor(req)),
  );

  r.get(
    "/api/item-policies/:code",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "getItemPolicies",
        tags,
        summary:
          "For an item's public guide: the in-force documents it cites and the policy changes concerning it",
        params: ZItemCodeParams,
        response: { 200: ZItemPolicies },
        problems: [404],
      },
    },
    async (req) => getItemPolicies(ctx, req.params.code),
  );

  r.get(
    "/api/change-notices",
    {
      config: { access: "session" },
      schema: {
        operationId: "listChangeNotices",
        tags,
        summary: "Change notices the caller must acknowledge or supervises, newest first",
        querystring: ZListChangeNoticesQuery,
        response: { 200: ZChangeNoticeList },
        problems: [403],
      },
    },
    async (req) => listChangeNotices(ctx, requireActor(req), req.query),
  );

  r.post(
    "/api/change-notices",
    {
      config: { access: "session" },
      schema: {
        operationId: "createChangeNotice",
        tags,
        summary:
          "Announce a policy change: the policy, the affected items, a summary, the sections whose staff must acknowledge; optionally move the items to townships (referral rule)",
        body: ZCreateChangeNotice,
        response: { 201: ZChangeNotice },
        problems: [403],
      },
    },
    async (req, reply) => reply.code(201).send(await createChangeNotice(ctx, requireActor(req), req.body)),
  );

  r.get(
    "/api/change-notices/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "getChangeNotice",
        tags,
        summary: "One change notice (its roster's staff and the bureau's supervisors)",
        params: ZChangeNoticeIdParams,
        response: { 200: ZChangeNotice },
        problems: [404],
      },
    },
    async (req) => getChangeNotice(ctx, requireActor(req), req.params.id),
  );

  r.post(
    "/api/change-notices/:id/acknowledgements",
    {
      config: { access: "session" },
      schema: {
        operationId: "acknowledgeChangeNotice",
        tags,
        summary: "Acknowledge a change notice (已阅知晓; staff of its sections; again is harmless)",
        params: ZChangeNoticeIdParams,
        response: { 200: ZChangeNotice },
        problems: [403, 404],
      },
    },
    async (req) => acknowledgeChangeNotice(ctx, requireActor(req), req.params.id),
  );

  r.get(
    "/api/change-notices/:id/acknowledgements",
    {
      config: { access: "session" },
      schema: {
        operationId: "listChangeNoticeAcknowledgements",
        tags,
        summary: "Who must acknowledge a notice and who has not (supervisors of the bureau)",
        params: ZChangeNoticeIdParams,
        response: { 200: ZChangeNoticeAcknowledgements },
        problems: [403, 404],
      },
    },
    async (req) => listChangeNoticeAcknowledgements(ctx, requireActor(req), req.params.id),
  );

  r.get(
    "/api/staff/:id/policy-study",
    {
      config: { access: "session" },
      schema: {
        operationId: "getPolicyStudy",
        tags,
        summary:
          "A person's documents read and change notices acknowledged (their own, or staff the caller supervises)",
        params: ZPolicyIdParams,
        response: { 200: ZPolicyStudy },
        problems: [403, 404],
      },
    },
    async (req) => getPolicyStudy(ctx, requireActor(req), req.params.id),
  );
}
