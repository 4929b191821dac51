import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { registerApplicant, searchApplicants } from "../../app/applicants/applicants";
import type { AppContext } from "../../app/context";
import { ZApplicant, ZApplicantList } from "../../shared/api/applicants";
import { ZRegisterApplicant, ZSearchApplicantsQuery } from "../../shared/api/requests/applicants";
import { requireActor } from "../plugins/auth";

/** The window's applicant search and registration (window intake on the applicant's behalf). */
export async function applicantRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/applicants",
    {
      schema: {
        operationId: "searchApplicants",
        tags: ["applicants"],
        summary:
          "Find applicants by name, credit code, ID number or phone (window staff; identifiers masked)",
        querystring: ZSearchApplicantsQuery,
        response: { 200: ZApplicantList },
        problems: [403],
      },
    },
    async (req) => ({ items: await searchApplicants(ctx, requireActor(req), req.query.q) }),
  );
  r.post(
    "/api/applicants",
    {
      schema: {
        operationId: "registerApplicant",
        tags: ["applicants"],
        summary: "Register an applicant (person or enterprise) at the window",
        body: ZRegisterApplicant,
        response: { 201: ZApplicant },
      },
    },
    async (req, reply) => reply.code(201).send(await registerApplicant(ctx, requireActor(req), req.body)),
  );
}
