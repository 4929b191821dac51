import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { listOrganizationTree } from "../../app/organizations/listOrganizations";
import { authorize } from "../../app/policies";
import { createUser } from "../../app/users/createUser";
import { listUsers } from "../../app/users/listUsers";
import { ZOrganizationList, ZUserCreated, ZUserList } from "../../shared/api/admin";
import { ZCreateUser } from "../../shared/api/requests/admin";
import { requireActor } from "../plugins/auth";
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
        response: { 200: ZOrganizationList },
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
        response: { 200: ZUserList },
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
        response: { 201: ZUserCreated },
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
