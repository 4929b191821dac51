import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context";
import { listOrganizationTree, type OrgNode } from "../../app/organizations/listOrganizations";
import { authorize } from "../../app/policies";
import { createUser } from "../../app/users/createUser";
import { listUsers } from "../../app/users/listUsers";
import { ZCreateUser } from "../../shared/api/requests/admin";
import { requireActor } from "../plugins/auth";

const ZOrgNode: z.ZodType<OrgNode> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      kind: z.string(),
      divisionCode: z.string(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      children: z.array(ZOrgNode),
    }),
  )
  .meta({ id: "Organization" });

const ZUserListItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(["staff", "person", "enterprise"]),
  active: z.boolean(),
  locked: z.boolean(),
  idNumberMasked: z.string().nullable(),
  creditCode: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  roles: z.array(
    z.object({ role: z.string(), orgCode: z.string().nullable(), orgName: z.string().nullable() }),
  ),
  abilities: z.record(z.string(), z.boolean()),
});

/** Organizations (public tree) and user administration. */
export async function adminRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/organizations",
    {
      config: { access: "public" },
      schema: {
        operationId: "listOrganizations",
        tags: ["organizations"],
        summary: "The organization tree (public)",
        response: { 200: z.object({ items: z.array(ZOrgNode) }) },
      },
    },
    async () => ({ items: await listOrganizationTree(ctx.database.db) }),
  );

  r.get(
    "/api/users",
    {
      schema: {
        operationId: "listUsers",
        tags: ["users"],
        summary: "Users the administrator may manage (identifiers masked)",
        response: { 200: z.object({ items: z.array(ZUserListItem) }) },
        problems: [403],
      },
    },
    async (req) => ({ items: await listUsers(ctx.database.db, requireActor(req), ctx.clock.now()) }),
  );

  r.post(
    "/api/users",
    {
      schema: {
        operationId: "createUser",
        tags: ["users"],
        summary: "Create an account with roles (admin)",
        body: ZCreateUser,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, "create", "user", { id: "", orgPaths: [] });
      const user = await ctx.database.db.transaction((tx) => createUser(tx, req.body));
      return reply.code(201).send(user);
    },
  );
}
