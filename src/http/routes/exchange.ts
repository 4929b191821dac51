import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { getApplicantProfile } from "../../app/applicants/profile";
import type { AppContext } from "../../app/context";
import { attachReusableMaterial, listReusableMaterials } from "../../app/materialLibrary/materials";
import {
  answerPartnerRequest,
  listPartnerRequests,
  requestPartnerMaterial,
} from "../../app/partnerRequests/partnerRequests";
import { listDataAccessLog } from "../../app/sharedData/accessLog";
import { fetchSharedMaterial } from "../../app/sharedData/fetchShared";
import { importSharedCsv, listSharedDatasets, publishSharedRecord } from "../../app/sharedData/publish";
import { invalid } from "../../domain/errors";
import {
  ZApplicantProfile,
  ZDataAccessList,
  ZImportReport,
  ZPartnerRequest,
  ZPartnerRequestList,
  ZReusableMaterialList,
  ZSharedDataFetched,
  ZSharedDatasetList,
  ZSharedRecord,
} from "../../shared/api/exchange";
import {
  ZAnswerPartnerRequestParams,
  ZAttachReusable,
  ZCaseMaterialParams,
  ZFetchSharedMaterial,
  ZGetApplicantProfileParams,
  ZGetApplicantProfileQuery,
  ZImportSharedCsvBody,
  ZListDataAccessLogQuery,
  ZListPartnerRequestsQuery,
  ZListReusableMaterialsParams,
  ZListReusableMaterialsQuery,
  ZPublishRecord,
  ZPublishSharedRecordParams,
  ZRequestPartnerMaterial,
  ZRequestPartnerMaterialParams,
} from "../../shared/api/requests/exchange";
import { ZAnswerPartnerRequestParts, ZPublishSharedRecordParts } from "../../shared/api/requests/uploads";
import { readMultipart, type Upload } from "../multipart";
import { requireActor } from "../plugins/auth";
import { assertText } from "../textGuard";
import { commandAnswer, ZCase } from "./caseSchemas";

const tags = ["exchange"];
/**
 * Shared data (数据共享) and material exchange: applicant profiles, the materials library, fetching a
 * shared-data material, the access log, partner material requests and the partners' directory.
 */
export async function exchangeRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/applicants/:id/profile",
    {
      schema: {
        operationId: "getApplicantProfile",
        tags,
        summary:
          "An applicant's profile (identifiers checked; masked except for the owner and the clerk handling `caseId`)",
        params: ZGetApplicantProfileParams,
        querystring: ZGetApplicantProfileQuery,
        response: { 200: ZApplicantProfile },
        problems: [403],
      },
    },
    async (req) => getApplicantProfile(ctx, requireActor(req), req.params.id, req.query),
  );

  r.get(
    "/api/applicants/:id/materials",
    {
      schema: {
        operationId: "listReusableMaterials",
        tags,
        summary: "Materials the applicant provided before, with validity, for reuse (材料库)",
        params: ZListReusableMaterialsParams,
        querystring: ZListReusableMaterialsQuery,
        response: { 200: ZReusableMaterialList },
        problems: [403],
      },
    },
    async (req) => ({ items: await listReusableMaterials(ctx, requireActor(req), req.params.id, req.query) }),
  );

  r.post(
    "/api/cases/:id/materials/:code/reuse",
    {
      schema: {
        operationId: "attachReusableMaterial",
        tags,
        summary: "Attach a material from the applicant's library to this case's material (no upload)",
        params: ZCaseMaterialParams,
        body: ZAttachReusable,
        response: { 200: ZCase },
        problems: [409],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const c = await attachReusableMaterial(ctx, actor, req.params.id, req.params.code, req.body, {
        view: true,
      });
      return await commandAnswer(ctx, actor, c);
    },
  );

  r.post(
    "/api/cases/:id/materials/:code/shared-data",
    {
      schema: {
        operationId: "fetchSharedMaterial",
        tags,
        summary:
          "Fetch a shared-data material through its connector (consent recorded, access logged, source stamped)",
        params: ZCaseMaterialParams,
        body: ZFetchSharedMaterial,
        response: { 200: ZSharedDataFetched },
        problems: [409, 502, 504],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const res = await fetchSharedMaterial(ctx, actor, req.params.id, req.params.code, req.body, {
        view: true,
      });
      return { fetched: res.fetched, case: await commandAnswer(ctx, actor, res.case) };
    },
  );

  r.get(
    "/api/data-access-log",
    {
      schema: {
        operationId: "listDataAccessLog",
        tags,
        summary:
          "Who accessed whose data, when and why (the applicant: their own data; staff: their organization)",
        querystring: ZListDataAccessLogQuery,
        response: { 200: ZDataAccessList },
        problems: [403],
      },
    },
    async (req) => ({ items: await listDataAccessLog(ctx, requireActor(req), req.query) }),
  );

  r.post(
    "/api/cases/:id/partner-requests",
    {
      schema: {
        operationId: "requestPartnerMaterial",
        tags,
        summary:
          "Ask another department's window for a material of this case, with a due date (跨部门材料调取)",
        params: ZRequestPartnerMaterialParams,
        body: ZRequestPartnerMaterial,
        response: { 201: ZPartnerRequest },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await requestPartnerMaterial(ctx, requireActor(req), req.params.id, req.body)),
  );

  r.get(
    "/api/partner-requests",
    {
      schema: {
        operationId: "listPartnerRequests",
        tags,
        summary: "Material requests to the caller's department (partner) or from its window (clerk)",
        querystring: ZListPartnerRequestsQuery,
        response: { 200: ZPartnerRequestList },
        problems: [403],
      },
    },
    async (req) => ({ items: await listPartnerRequests(ctx, requireActor(req), req.query) }),
  );

  r.post(
    "/api/partner-requests/:id/answer",
    {
      schema: {
        operationId: "answerPartnerRequest",
        tags,
        summary:
          "Answer a material request with a file (multipart `file`, optional `note`, `expectedVersion`)",
        params: ZAnswerPartnerRequestParams,
        multipart: { parts: ZAnswerPartnerRequestParts },
        response: { 200: ZPartnerRequest },
        problems: [409],
      },
    },
    async (req) => {
      const { fields, file } = await readMultipart(req, { requireFile: true });
      const expectedVersion = fields.expectedVersion ? Number(fields.expectedVersion) : undefined;
      return answerPartnerRequest(ctx, requireActor(req), req.params.id, file as Upload, {
        note: fields.note,
        expectedVersion,
      });
    },
  );

  r.get(
    "/api/exchange/datasets",
    {
      schema: {
        operationId: "listSharedDatasets",
        tags,
        summary:
          "Datasets the caller publishes (partner of the provider) or imports (admin), with their records",
        response: { 200: ZSharedDatasetList },
      },
    },
    async (req) => ({ items: await listSharedDatasets(ctx, requireActor(req)) }),
  );

  r.post(
    "/api/exchange/datasets/:dataset/records",
    {
      schema: {
        operationId: "publishSharedRecord",
        tags,
        summary:
          "Publish (or replace) a record of the caller's dataset into the directory (JSON, or multipart with `file` and `record` JSON)",
        params: ZPublishSharedRecordParams,
        multipart: { parts: ZPublishSharedRecordParts, json: ZPublishRecord },
        response: { 201: ZSharedRecord },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      let body: unknown = req.body;
      let file: { fileName: string; bytes: Buffer } | undefined;
      if (req.isMultipart()) {
        const parts = await readMultipart(req);
        file = parts.file;
        try {
          body = JSON.parse(parts.fields.record ?? "{}");
        } catch {
          throw invalid("record", "invalid_json", {
            "zh-CN": "record 不是有效的 JSON",
            "en-US": "record is not valid JSON",
          });
        }
      }
      assertText(ZPublishRecord, body);
      const input = ZPublishRecord.parse(body);
      return reply.code(201).send(await publishSharedRecord(ctx, actor, req.params.dataset, input, file));
    },
  );

  r.post(
    "/api/admin/exchange/import",
    {
      schema: {
        operationId: "importSharedCsv",
        tags,
        summary: "Import offline shared data from CSV into the directory (admin)",
        body: ZImportSharedCsvBody,
        response: { 200: ZImportReport },
      },
    },
    async (req) => importSharedCsv(ctx, requireActor(req), req.body.dataset, req.body.csv),
  );
}
