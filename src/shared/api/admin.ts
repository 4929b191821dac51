/**
 * Organizations and user administration on the wire: the public organization tree and the user list.
 * What src/http/routes/admin.ts sends.
 */
import { z } from "zod";
import { ZAbilities } from "./common";

/** An organization of the tree, with its children. */
export type OrgNode = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  divisionCode: string;
  address: string | null;
  phone: string | null;
  creditCode: string | null;
  hours: string | null;
  version: number;
  children: OrgNode[];
};

export const ZOrgNode: z.ZodType<OrgNode> = z
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
      creditCode: z.string().nullable(),
      hours: z.string().nullable(),
      version: z.number().int(),
      children: z.array(ZOrgNode),
    }),
  )
  .meta({ id: "Organization" });

/** The organization tree (its roots). */
export const ZOrganizationList = z.object({ items: z.array(ZOrgNode) });

/** A user as the administration list shows it: identifiers masked. */
export const ZUserListItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(["staff", "person", "enterprise"]),
  active: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  idNumberMasked: z.string().nullable(),
  creditCode: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  roles: z.array(
    z.object({ role: z.string(), orgCode: z.string().nullable(), orgName: z.string().nullable() }),
  ),
  abilities: ZAbilities,
});

export const ZUserList = z.object({ items: z.array(ZUserListItem) });

/** The answer to creating a user: its list row (with its id). */
export const ZUserCreated = ZUserListItem;

/** A user after an administrator's change: the list row. */
export const ZUserChanged = ZUserListItem;

/** The answer to a password reset: the temporary password, shown once and never stored in clear. */
export const ZTemporaryPassword = z.object({ temporaryPassword: z.string(), user: ZUserListItem });

/** An organization after a change (without children). */
export const ZOrganizationChanged = z.object({ code: z.string(), version: z.number().int() });
