import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { fileBundle } from "../../app/bundles/fileBundle";
import { recordLandContract } from "../../app/bundles/landContracts";
import { recordLandDelivery } from "../../app/bundles/landDeliveries";
import { bundleMeasure, getBundle } from "../../app/bundles/queries";
import { listBundleTemplates } from "../../app/bundles/templates";
import type { AppContext } from "../../app/context";
import { presentLandContract, presentLandDelivery } from "../../app/presenters/records";
import { changeProjectStage } from "../../app/projects/changeProjectStage";
import { setLandTransferOrg } from "../../app/projects/landTransferOrg";
import {
  completeActionItem,
  createProject,
  recordContact,
  recordCoordinationMeeting,
  recordSiteSurvey,
  savePrecheck,
  uploadProjectFile,
} from "../../app/projects/projects";
import { getProject, listProjects } from "../../app/projects/queries";
import {
  ZBundle,
  ZBundleMeasureReport,
  ZBundleTemplateList,
  ZLandContractRecorded,
  ZLandDeliveryRecorded,
  ZProject,
  ZProjectFileUploaded,
  ZProjectList,
} from "../../shared/api/projects";
import {
  ZChangeProjectStage,
  ZCompleteActionItemParams,
  ZCreateProject,
  ZFileBundle,
  ZProjectIdParams,
  ZRecordContact,
  ZRecordLandContract,
  ZRecordLandDelivery,
  ZRecordMeeting,
  ZRecordSiteSurvey,
  ZSavePrecheck,
  ZSetLandTransferOrg,
} from "../../shared/api/requests/projects";
import { ZUploadParts } from "../../shared/api/requests/uploads";
import { readMultipart, type Upload } from "../multipart";
import { requireActor } from "../plugins/auth";

const tags = ["projects"];

/** Projects (工程建设项目), early intervention (提前介入), bundles (一件事一次办) and the 怀远速度 measure. */
export async function projectRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const project = (req: Parameters<typeof requireActor>[0], id: string) =>
    getProject(ctx, requireActor(req), id);

  r.get(
    "/api/projects",
    {
      schema: {
        operationId: "listProjects",
        tags,
        summary: "Projects the caller may see (the enterprise its own; staff their organization's)",
        response: { 200: ZProjectList },
      },
    },
    async (req) => listProjects(ctx, requireActor(req)),
  );
  r.post(
    "/api/projects",
    {
      schema: {
        operationId: "createProject",
        tags,
        summary: "Open a project and its pre-service file (project code, enterprise, parcel, stage, helper)",
        body: ZCreateProject,
        response: { 201: ZProject },
        problems: [409],
      },
    },
    async (req, reply) => {
      const row = await createProject(ctx, requireActor(req), req.body);
      return reply.code(201).send(await project(req, row.id));
    },
  );
  r.get(
    "/api/projects/:id",
    {
      schema: {
        operationId: "getProject",
        tags,
        summary: "A project with its timeline, pre-checks, surveys, meetings, contracts, bundles and measure",
        params: ZProjectIdParams,
        response: { 200: ZProject },
        problems: [403],
      },
    },
    async (req) => project(req, req.params.id),
  );
  r.post(
    "/api/projects/:id/stage",
    {
      schema: {
        operationId: "changeProjectStage",
        tags,
        summary:
          "Move the project forward to its next stage (or, with a reason, a later one); optimistic version",
        params: ZProjectIdParams,
        body: ZChangeProjectStage,
        response: { 200: ZProject },
        problems: [409],
      },
    },
    async (req) => {
      await changeProjectStage(ctx, requireActor(req), req.params.id, req.body);
      return project(req, req.params.id);
    },
  );
  r.put(
    "/api/projects/:id/land-transfer-org",
    {
      schema: {
        operationId: "setLandTransferOrg",
        tags,
        summary:
          "Name (or clear) the outside body whose land-transfer system records the contract and the delivery by API",
        params: ZProjectIdParams,
        body: ZSetLandTransferOrg,
        response: { 200: ZProject },
      },
    },
    async (req) => {
      await setLandTransferOrg(ctx, requireActor(req), req.params.id, req.body);
      return project(req, req.params.id);
    },
  );
  r.post(
    "/api/projects/:id/contacts",
    {
      schema: {
        operationId: "recordContact",
        tags,
        summary: "Record a contact",
        params: ZProjectIdParams,
        body: ZRecordContact,
        response: { 201: ZProject },
      },
    },
    async (req, reply) => {
      await recordContact(ctx, requireActor(req), req.params.id, req.body);
      return reply.code(201).send(await project(req, req.params.id));
    },
  );
  r.put(
    "/api/projects/:id/prechecks",
    {
      schema: {
        operationId: "savePrecheck",
        tags,
        summary: "Save the pre-check (预审) of an item's materials (pass / missing / defective, with files)",
        params: ZProjectIdParams,
        body: ZSavePrecheck,
        response: { 200: ZProject },
      },
    },
    async (req) => {
      await savePrecheck(ctx, requireActor(req), req.params.id, req.body);
      return project(req, req.params.id);
    },
  );
  r.post(
    "/api/projects/:id/files",
    {
      schema: {
        operationId: "uploadProjectFile",
        tags,
        summary: "Upload a file for the project (pre-checked material, survey photo; multipart field `file`)",
        params: ZProjectIdParams,
        multipart: { parts: ZUploadParts },
        response: { 201: ZProjectFileUploaded },
      },
    },
    async (req, reply) => {
      const { file } = await readMultipart(req, { requireFile: true });
      const f = await uploadProjectFile(ctx, requireActor(req), req.params.id, file as Upload);
      return reply.code(201).send({ fileId: f.id, sha256: f.sha256, fileName: f.fileName });
    },
  );
  r.post(
    "/api/projects/:id/site-surveys",
    {
      schema: {
        operationId: "recordSiteSurvey",
        tags,
        summary: "Record a site survey (现场踏勘: date, people, findings, photos)",
        params: ZProjectIdParams,
        body: ZRecordSiteSurvey,
        response: { 201: ZProject },
      },
    },
    async (req, reply) => {
      await recordSiteSurvey(ctx, requireActor(req), req.params.id, req.body);
      return reply.code(201).send(await project(req, req.params.id));
    },
  );
  r.post(
    "/api/projects/:id/meetings",
    {
      schema: {
        operationId: "recordCoordinationMeeting",
        tags,
        summary: "Record a coordination meeting (协调会: attendees, decisions, action items)",
        params: ZProjectIdParams,
        body: ZRecordMeeting,
        response: { 201: ZProject },
      },
    },
    async (req, reply) => {
      await recordCoordinationMeeting(ctx, requireActor(req), req.params.id, req.body);
      return reply.code(201).send(await project(req, req.params.id));
    },
  );
  r.post(
    "/api/projects/:id/action-items/:actionItemId/complete",
    {
      schema: {
        operationId: "completeActionItem",
        tags,
        summary: "Mark an action item of a meeting done",
        params: ZCompleteActionItemParams,
        response: { 200: ZProject },
      },
    },
    async (req) => {
      await completeActionItem(ctx, requireActor(req), req.params.id, req.params.actionItemId);
      return project(req, req.params.id);
    },
  );
  r.post(
    "/api/projects/:id/bundles",
    {
      schema: {
        operationId: "fileBundle",
        tags,
        summary: "File a bundle: all its cases at once, shared materials given once, pre-checks carried in",
        params: ZProjectIdParams,
        body: ZFileBundle,
        response: { 201: ZBundle },
        problems: [409],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await fileBundle(ctx, actor, req.params.id, req.body);
      return reply.code(201).send(await getBundle(ctx, actor, id));
    },
  );
  r.post(
    "/api/projects/:id/land-contracts",
    {
      schema: {
        operationId: "recordLandContract",
        tags,
        summary:
          "Record a signed land-grant contract (UI or land-transfer system); files the triggered bundle",
        params: ZProjectIdParams,
        body: ZRecordLandContract,
        response: {
          201: ZLandContractRecorded,
        },
        problems: [409],
      },
    },
    async (req, reply) => {
      const res = await recordLandContract(ctx, requireActor(req), req.params.id, req.body);
      return reply.code(201).send({
        contract: presentLandContract(res.contract),
        bundle: res.bundle ?? null,
        notFiled: res.notFiled,
      });
    },
  );
  r.post(
    "/api/projects/:id/land-deliveries",
    {
      schema: {
        operationId: "recordLandDelivery",
        tags,
        summary:
          "Record a land delivery (交地确认书; UI or land-transfer system); files the bundle it triggers (交地即交证)",
        params: ZProjectIdParams,
        body: ZRecordLandDelivery,
        response: { 200: ZLandDeliveryRecorded, 201: ZLandDeliveryRecorded },
        problems: [409],
      },
    },
    async (req, reply) => {
      const res = await recordLandDelivery(ctx, requireActor(req), req.params.id, req.body);
      // 201 when the delivery is new; 200 when the confirmation was recorded before (a replay).
      return reply.code(res.replayed ? 200 : 201).send({
        delivery: presentLandDelivery(res.delivery),
        bundle: res.bundle ?? null,
        notFiled: res.notFiled,
      });
    },
  );
  r.get(
    "/api/bundles/measure",
    {
      schema: {
        operationId: "getBundleMeasure",
        tags,
        summary: "怀远速度: contract-to-certificate working hours of every bundle, and the same-day count",
        response: { 200: ZBundleMeasureReport },
      },
    },
    async (req) => bundleMeasure(ctx, requireActor(req)),
  );
  r.get(
    "/api/bundle-templates",
    {
      schema: {
        operationId: "listBundleTemplates",
        tags,
        summary: "Bundle templates (一件事一次办)",
        response: { 200: ZBundleTemplateList },
      },
    },
    async (req) => {
      requireActor(req);
      const rows = await listBundleTemplates(ctx.database.db, ctx.clock.now());
      return { items: rows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })) };
    },
  );
  r.get(
    "/api/bundles/:id",
    {
      schema: {
        operationId: "getBundle",
        tags,
        summary: "A bundle: its cases, status, clock and measure",
        params: ZProjectIdParams,
        response: { 200: ZBundle },
        problems: [403],
      },
    },
    async (req) => getBundle(ctx, requireActor(req), req.params.id),
  );
}
