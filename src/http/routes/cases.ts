import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { ACCEPTED_UPLOADS } from "../../adapters/storage/fileType";
import { caseCommand, finishOnTheSpot } from "../../app/cases/commands/requests";
import {
  checkMaterials,
  createApplication,
  submitApplication,
  updateDraft,
  uploadMaterial,
} from "../../app/cases/intake/intake";
import {
  countCases,
  findCaseByNumber,
  getCase,
  getCaseTimeline,
  listCases,
} from "../../app/cases/read/queries";
import { caseDocumentPdf, caseFile } from "../../app/cases/read/renderDocument";
import { sendBackToReview } from "../../app/cases/review/reviewTasks";
import type { AppContext } from "../../app/context";
import { ZCaseCounts, ZCaseFileUploaded, ZCaseList, ZCaseTimeline } from "../../shared/api/cases";
import {
  ZAccept,
  ZCaseCountsQuery,
  ZCaseIdParams,
  ZCheckMaterials,
  ZCreateApplication,
  ZDecide,
  ZDownloadCaseDocumentParams,
  ZDownloadCaseFileParams,
  ZExtend,
  ZFindCaseByNumberParams,
  ZListCasesQuery,
  ZRefer,
  ZRefuse,
  ZRequestCorrection,
  ZResume,
  ZSendBackToReviewBody,
  ZSimple,
  ZSuspend,
  ZUpdateDraft,
  ZUploadMaterialParams,
} from "../../shared/api/requests/cases";
import { ZUploadParts } from "../../shared/api/requests/uploads";
import { readMultipart, type Upload } from "../multipart";
import { binaryResponse } from "../openapi";
import { requireActor } from "../plugins/auth";
import { caseRef, commandAnswer, MINIMAL, prefersMinimal, ZCase, ZCaseOrRef } from "./caseSchemas";

const tags = ["cases"];

/** `?status=` and `?clock=` given once or many times, as lists. */
const list = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];
const manyOf = <S, C>(q: { status?: S | S[]; clock?: C | C[] }) => ({
  status: list(q.status),
  clock: list(q.clock),
});
const UPLOAD_TYPES = Object.keys(ACCEPTED_UPLOADS);

/** Cases: listing, reading, intake and every lifecycle command (one route per operationId). */
export async function caseRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (actor: ReturnType<typeof requireActor>, id: string) => getCase(ctx, actor, id);

  r.get(
    "/api/cases",
    {
      schema: {
        operationId: "listCases",
        tags,
        summary: "Cases the caller may see, with filters and the window's queues",
        querystring: ZListCasesQuery,
        response: { 200: ZCaseList },
      },
    },
    async (req) => listCases(ctx, requireActor(req), { ...req.query, ...manyOf(req.query) }),
  );

  r.get(
    "/api/cases/counts",
    {
      schema: {
        operationId: "countCases",
        tags,
        summary: "The number of cases in every staff queue under the same filters (one query)",
        querystring: ZCaseCountsQuery,
        response: { 200: ZCaseCounts },
      },
    },
    async (req) => countCases(ctx, requireActor(req), { ...req.query, ...manyOf(req.query) }),
  );

  r.get(
    "/api/cases/:id",
    {
      schema: {
        operationId: "getCase",
        tags,
        summary: "One case with materials, review tasks, documents and abilities",
        params: ZCaseIdParams,
        response: { 200: ZCase },
        problems: [403],
      },
    },
    async (req) => detail(requireActor(req), req.params.id),
  );

  r.get(
    "/api/case-numbers/:number",
    {
      schema: {
        operationId: "findCaseByNumber",
        tags,
        summary:
          "One case by its human number (办件编号), for those who may read it; 404 when unknown or not theirs",
        params: ZFindCaseByNumberParams,
        response: { 200: ZCase },
      },
    },
    async (req) => findCaseByNumber(ctx, requireActor(req), req.params.number),
  );

  r.get(
    "/api/cases/:id/timeline",
    {
      schema: {
        operationId: "getCaseTimeline",
        tags,
        summary: "Every event, each department's task span and the pauses (for the Gantt-like chart)",
        params: ZCaseIdParams,
        response: { 200: ZCaseTimeline },
        problems: [403],
      },
    },
    async (req) => getCaseTimeline(ctx, requireActor(req), req.params.id),
  );

  r.get(
    "/api/cases/:id/documents/:docId/pdf",
    {
      schema: {
        operationId: "downloadCaseDocument",
        tags,
        summary: "A written notice of the case (受理通知书, 补正告知书 …) as PDF",
        params: ZDownloadCaseDocumentParams,
        response: { 200: binaryResponse("The notice as PDF", "application/pdf") },
        problems: [403],
      },
    },
    async (req, reply) => {
      const doc = await caseDocumentPdf(ctx, requireActor(req), req.params.id, req.params.docId);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .send(doc.bytes);
    },
  );

  r.get(
    "/api/cases/:id/files/:fileId",
    {
      schema: {
        operationId: "downloadCaseFile",
        tags,
        summary: "An uploaded material file of the case (for those who may read the case)",
        params: ZDownloadCaseFileParams,
        response: {
          200: binaryResponse("The file as uploaded (its type was checked by content)", ...UPLOAD_TYPES),
        },
        problems: [403],
      },
    },
    async (req, reply) => {
      const f = await caseFile(ctx, requireActor(req), req.params.id, req.params.fileId);
      return reply
        .type(f.contentType)
        .header("x-content-sha256", f.sha256)
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.bytes);
    },
  );

  r.post(
    "/api/cases",
    {
      schema: {
        operationId: "createApplication",
        tags,
        summary: "Start an application (draft): online, or at the window for an applicant",
        body: ZCreateApplication,
        response: { 201: ZCase },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const c = await createApplication(ctx, actor, req.body, { view: true });
      return reply.code(201).send(await commandAnswer(ctx, actor, c));
    },
  );

  r.patch(
    "/api/cases/:id",
    {
      schema: {
        operationId: "updateDraft",
        tags,
        summary: "Save a draft (resume later)",
        params: ZCaseIdParams,
        body: ZUpdateDraft,
        response: { 200: ZCase },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const c = await updateDraft(ctx, actor, req.params.id, req.body, { view: true });
      return await commandAnswer(ctx, actor, c);
    },
  );

  r.post(
    "/api/cases/:id/materials/:code/files",
    {
      schema: {
        operationId: "uploadMaterial",
        tags,
        summary:
          "Upload a file for one material (multipart field `file`; PDF, JPEG, PNG, TIFF, WebP or OFD, at most 20 MB)",
        params: ZUploadMaterialParams,
        multipart: { parts: ZUploadParts },
        response: { 201: ZCaseFileUploaded },
        problems: [409],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { file } = await readMultipart(req, { requireFile: true });
      const res = await uploadMaterial(ctx, actor, req.params.id, req.params.code, file as Upload, {
        view: true,
      });
      return reply.code(201).send({
        fileId: res.file.id,
        sha256: res.file.sha256,
        case: await commandAnswer(ctx, actor, res.case),
      });
    },
  );

  r.post(
    "/api/cases/:id/submit",
    {
      schema: {
        operationId: "submitApplication",
        tags,
        summary: `Submit the application${MINIMAL}`,
        params: ZCaseIdParams,
        body: ZSimple,
        response: { 200: ZCaseOrRef },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const view = !prefersMinimal(req.headers);
      const c = await submitApplication(ctx, actor, req.params.id, req.body.expectedVersion, { view });
      return view ? await commandAnswer(ctx, actor, c) : caseRef(c);
    },
  );

  r.post(
    "/api/cases/:id/material-checks",
    {
      schema: {
        operationId: "checkMaterials",
        tags,
        summary: `The window's check of each material (pass / missing / defective)${MINIMAL}`,
        params: ZCaseIdParams,
        body: ZCheckMaterials,
        response: { 200: ZCaseOrRef },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const view = !prefersMinimal(req.headers);
      const c = await checkMaterials(ctx, actor, req.params.id, req.body, { view });
      return view ? await commandAnswer(ctx, actor, c) : caseRef(c);
    },
  );

  const command = <B extends z.ZodType<{ expectedVersion: number }>>(
    path: string,
    operationId: string,
    type: Parameters<typeof caseCommand>[3],
    body: B,
    summary: string,
    /** The command also answers `Prefer: return=minimal` with the case's reference only. */
    minimalToo = false,
  ) =>
    r.post(
      `/api/cases/:id/${path}`,
      {
        schema: {
          operationId,
          tags,
          summary: minimalToo ? `${summary}${MINIMAL}` : summary,
          params: ZCaseIdParams,
          body,
          response: { 200: minimalToo ? ZCaseOrRef : ZCase },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const view = !(minimalToo && prefersMinimal(req.headers));
        const c = await caseCommand(
          ctx,
          actor,
          req.params.id,
          type,
          req.body as { expectedVersion: number } & Record<string, unknown>,
          { view },
        );
        return view ? await commandAnswer(ctx, actor, c) : caseRef(c);
      },
    );

  command(
    "correction",
    "requestCorrection",
    "requestCorrection",
    ZRequestCorrection,
    "One-time correction notice listing every problem (only materials of the item's list)",
  );
  command("resubmit", "resubmitApplication", "resubmit", ZSimple, "Resubmit after correction");
  command("refuse", "refuseCase", "refuse", ZRefuse, "Refuse to accept, with the legal basis");
  command("refer", "referCase", "refer", ZRefer, "Refer to the competent body (转办)");
  command(
    "suspend",
    "suspendCase",
    "suspend",
    ZSuspend,
    "Start a special procedure (the clock stops; the applicant is told in writing)",
  );
  command("resume", "resumeCase", "resume", ZResume, "End the special procedure (the clock runs again)");
  command(
    "extend",
    "extendCase",
    "extend",
    ZExtend,
    "Extend the limit once (approver; reason; at most the legal maximum)",
  );
  command("decide", "decideCase", "decide", ZDecide, "Decide: approve or deny, with reasons", true);
  command(
    "issue",
    "issueResult",
    "issue",
    ZSimple,
    "Issue the result (fees assessed and settled; no deferred material owed unless the item allows issuing first)",
    true,
  );
  command("complete", "completeCase", "complete", ZSimple, "Complete a denied case (decision delivered)");
  command("withdraw", "withdrawCase", "withdraw", ZSimple, "Withdraw the application (before a decision)");

  r.post(
    "/api/cases/:id/accept",
    {
      schema: {
        operationId: "acceptCase",
        tags,
        summary: `Accept (容缺: named non-key materials deferred with a commitment); 即办件: finishOnTheSpot accepts, decides and issues in one visit (an item that charges fees: assessed and paid first, else 422 fees_unpaid)${MINIMAL}`,
        params: ZCaseIdParams,
        body: ZAccept,
        response: { 200: ZCaseOrRef },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const view = !prefersMinimal(req.headers);
      const c = req.body.finishOnTheSpot
        ? await finishOnTheSpot(ctx, actor, req.params.id, req.body, { view })
        : await caseCommand(ctx, actor, req.params.id, "accept", req.body, { view });
      return view ? await commandAnswer(ctx, actor, c) : caseRef(c);
    },
  );

  r.post(
    "/api/cases/:id/send-back",
    {
      schema: {
        operationId: "sendBackToReview",
        tags,
        summary: "The approver sends a review task back with an opinion (counted as a return)",
        params: ZCaseIdParams,
        body: ZSendBackToReviewBody,
        response: { 200: ZCase },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const c = await sendBackToReview(ctx, actor, req.params.id, req.body, { view: true });
      return await commandAnswer(ctx, actor, c);
    },
  );
}
