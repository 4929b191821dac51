import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { checkDeferredMaterial, deliverDeferredMaterial } from "../../app/cases/intake/deferredMaterials";
import type { AppContext } from "../../app/context";
import { ZCheckDeferred, ZDeferredMaterialParams } from "../../shared/api/requests/cases";
import { ZUploadParts } from "../../shared/api/requests/uploads";
import { readMultipart, type Upload } from "../multipart";
import { requireActor } from "../plugins/auth";
import { commandAnswer, ZCase } from "./caseSchemas";

const tags = ["cases"];

/** 容缺后补: delivering a material deferred at acceptance, and the window's check of it. */
export async function deferredMaterialRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/cases/:id/deferred-materials/:code/files",
    {
      schema: {
        operationId: "deliverDeferredMaterial",
        tags,
        summary:
          "Deliver a material deferred at acceptance (容缺后补; multipart field `file`; applicant or window; 422 when nothing is owed)",
        params: ZDeferredMaterialParams,
        multipart: { parts: ZUploadParts },
        response: { 201: ZCase },
        problems: [409],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // The one reader of uploads: malformed bodies are 400, file names held to the text rule.
      const { file } = await readMultipart(req, { requireFile: true });
      const c = await deliverDeferredMaterial(ctx, actor, req.params.id, req.params.code, file as Upload, {
        view: true,
      });
      return reply.code(201).send(await commandAnswer(ctx, actor, c));
    },
  );

  r.post(
    "/api/cases/:id/deferred-materials/:code/check",
    {
      schema: {
        operationId: "checkDeferredMaterial",
        tags,
        summary:
          "The window's check of a delivered deferred material: pass, or defective with a note (still owed)",
        params: ZDeferredMaterialParams,
        body: ZCheckDeferred,
        response: { 200: ZCase },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const c = await checkDeferredMaterial(ctx, actor, req.params.id, req.params.code, req.body, {
        view: true,
      });
      return await commandAnswer(ctx, actor, c);
    },
  );
}
