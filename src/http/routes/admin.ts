import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listAdminAuditEntries } from "../../app/audit/adminAudit";
import type { AppContext } from "../../app/context";
import { listOrganizationTree } from "../../app/organizations/listOrganizations";
import { createOrganization, updateOrganization } from "../../app/organizations/manageOrganizations";
import { listUsers } from "../../app/users/listUsers";
import {
  createUserAsAdmin,
  resetUserPassword,
  resetUserTotp,
  setUserActive,
  updateUser,
} from "../../app/users/manageUsers";
import {
  ZOrganizationChanged,
  ZOrganizationList,
  ZTemporaryPassword,
  ZUserChanged,
  ZUserCreated,
  ZUserList,
} from "../../shared/api/admin";
import { ZAdminAuditList, ZListAdminAuditQuery } from "../../shared/api/audit";
import {
  ZCreateOrganization,
  ZCreateUser,
  ZListUsersQuery,
  ZOrgCodeParams,
  ZResetPassword,
  ZSetUserActive,
  ZUpdateOrganization,
  ZUpdateUser,
  ZUserIdParams,
} from "../../shared/api/requests/admin";
import { ZResetTotp } from "../../shared/api/requests/auth";
import { requireActor } from "../plugins/auth";

/** Organizations (public tree, administrators' edits) and user administration. */
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

  r.post(
    "/api/organizations",
    {
      schema: {
        operationId: "createOrganization",
        tags: ["organizations"],
        summary: "Create an organization (section, window, …) below one the administrator manages",
        body: ZCreateOrganization,
        response: { 201: ZOrganizationChanged },
        problems: [403],
      },
    },
    async (req, reply) => reply.code(201).send(await createOrganization(ctx, requireActor(req), req.body)),
  );

  r.put(
    "/api/organizations/:code",
    {
      schema: {
        operationId: "updateOrganization",
        tags: ["organizations"],
        summary: "Edit an organization's names, credit code, address, phone and hours (version checked)",
        description:
          "A field left out keeps its value; `null` or an empty string clears an optional field. `name` is always given.",
        params: ZOrgCodeParams,
        body: ZUpdateOrganization,
        response: { 200: ZOrganizationChanged },
        problems: [403, 404, 409],
      },
    },
    async (req) => updateOrganization(ctx, requireActor(req), req.params.code, req.body),
  );

  r.get(
    "/api/users",
    {
      schema: {
        operationId: "listUsers",
        tags: ["users"],
        summary: "Users the administrator may manage (identifiers masked), searched and filtered",
        querystring: ZListUsersQuery,
        response: { 200: ZUserList },
        problems: [403],
      },
    },
    async (req) => ({
      items: await listUsers(ctx.database.db, requireActor(req), ctx.clock.now(), req.query),
    }),
  );

  r.post(
    "/api/users",
    {
      schema: {
        operationId: "createUser",
        tags: ["users"],
        summary: "Create an account with roles in the administrator's organizations (admin)",
        body: ZCreateUser,
        response: { 201: ZUserCreated },
        problems: [403],
      },
    },
    async (req, reply) => reply.code(201).send(await createUserAsAdmin(ctx, requireActor(req), req.body)),
  );

  r.put(
    "/api/users/:id",
    {
      schema: {
        operationId: "updateUser",
        tags: ["users"],
        summary: "Change an account's name and roles (version checked)",
        params: ZUserIdParams,
        body: ZUpdateUser,
        response: { 200: ZUserChanged },
        problems: [403, 404, 409],
      },
    },
    async (req) => updateUser(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    "/api/users/:id/active",
    {
      schema: {
        operationId: "setUserActive",
        tags: ["users"],
        summary: "Disable an account (login refused, sessions ended) or enable it again",
        params: ZUserIdParams,
        body: ZSetUserActive,
        response: { 200: ZUserChanged },
        problems: [403, 404, 409],
      },
    },
    async (req) => setUserActive(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    "/api/users/:id/reset-password",
    {
      schema: {
        operationId: "resetUserPassword",
        tags: ["users"],
        summary: "Reset a password: a temporary one, shown once, to be changed at the next login",
        params: ZUserIdParams,
        body: ZResetPassword,
        response: { 200: ZTemporaryPassword },
        problems: [403, 404, 409],
      },
    },
    async (req) => resetUserPassword(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    "/api/users/:id/reset-totp",
    {
      schema: {
        operationId: "resetUserTotp",
        tags: ["users"],
        summary: "Turn an account's two-step login (TOTP) off, e.g. after a lost phone; its sessions end",
        params: ZUserIdParams,
        body: ZResetTotp,
        response: { 200: ZUserChanged },
        problems: [403, 404, 409],
      },
    },
    async (req) => resetUserTotp(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/admin/audit-entries",
    {
      schema: {
        operationId: "listAdminAuditEntries",
        tags: ["admin"],
        summary:
          "The administrators' audit log (accounts, roles, organizations, items, calendar, settings), newest first; admin or supervisor, within their organizations",
        querystring: ZListAdminAuditQuery,
        response: { 200: ZAdminAuditList },
        problems: [403],
      },
    },
    async (req) => listAdminAuditEntries(ctx, requireActor(req), req.query),
  );
}
