import { randomBytes, randomInt } from "node:crypto";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { piiHashes } from "../../adapters/pii/keyring";
import { users } from "../../db/schema";
import { invalid, YizhanError } from "../../domain/errors";
import { maskIdentifier, maskPhone } from "../../domain/rules/identifiers";
import type { ZRegisterApplicant } from "../../shared/api/requests/applicants";
import { type Actor, hasRole } from "../actor";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { createUser } from "../users/createUser";
import {
  alreadyRegistered,
  findRegistered,
  normalizeRegistration,
  registrationError,
  registrationProblems,
} from "./registration";

/** An applicant as the window's search shows it: identifiers masked. */
export type ApplicantListItem = {
  id: string;
  username: string;
  kind: "person" | "enterprise";
  name: string;
  idNumberMasked: string | null;
  creditCode: string | null;
  phoneMasked: string | null;
};

function present(u: typeof users.$inferSelect): ApplicantListItem {
  return {
    id: u.id,
    username: u.username,
    kind: u.kind as "person" | "enterprise",
    name: u.displayName,
    idNumberMasked: u.idNumber ? maskIdentifier(u.idNumber) : null,
    creditCode: u.creditCode,
    phoneMasked: u.phone ? maskPhone(u.phone) : null,
  };
}

/**
 * The window finds an applicant (首问: find before registering anew) by name, credit code, ID
 * number or phone; staff of the window, helpers and admins only. Identifiers are masked in the list.
 */
export async function searchApplicants(
  ctx: AppContext,
  actor: Actor,
  q: string,
): Promise<ApplicantListItem[]> {
  if (!hasRole(actor, "clerk", "helper", "admin")) authorize(actor, "workbench", "global", null);
  const like = `%${q.trim()}%`;
  const rows = await ctx.database.db
    .select()
    .from(users)
    .where(
      and(
        ne(users.kind, "staff"),
        eq(users.active, true),
        q.trim()
          ? or(
              sql`${users.displayName} ilike ${like}`,
              sql`${users.username} ilike ${like}`,
              eq(users.creditCode, q.trim().toUpperCase()),
              inArray(users.idNumberHash, piiHashes(q)),
              inArray(users.phoneHash, piiHashes(q)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(20);
  return rows.map(present);
}

/** Letters and digits that cannot be misread for one another (no 0/o, 1/l/i). */
const USERNAME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * The username of an applicant registered at the window: an enterprise's is `e-<统一社会信用代码>`
 * (public: GB 32100 prints it on the licence); a person's is `p-` and eight random characters — never
 * the ID number, which is personal (个人信息保护法 Art. 28) and a username is shown in lists and logs.
 */
export function applicantUsername(kind: "person" | "enterprise", creditCode?: string): string {
  if (kind === "enterprise" && creditCode) return `e-${creditCode.toLowerCase()}`;
  let s = "p-";
  for (let i = 0; i < 8; i++) s += USERNAME_ALPHABET[randomInt(USERNAME_ALPHABET.length)];
  return s;
}

/**
 * The window registers an applicant who has no account yet (window intake on the applicant's behalf).
 * The account gets a random password; the applicant sets their own later. Identifiers are checked
 * (GB 11643 for persons, GB 32100 for enterprises); a person needs an ID number, an enterprise a code.
 * The username is {@link applicantUsername}: a person's never contains the ID number.
 */
export async function registerApplicant(
  ctx: AppContext,
  actor: Actor,
  raw: z.infer<typeof ZRegisterApplicant>,
) {
  if (!hasRole(actor, "clerk", "helper", "admin")) authorize(actor, "workbench", "global", null);
  // Walk-in registration (代录): every field problem at once; an identifier registered before → 409.
  const input = normalizeRegistration(raw);
  const problems = registrationProblems(input);
  if (problems.length) throw registrationError(problems);
  const identifier = input.kind === "person" ? input.idNumber : input.creditCode;
  if (!identifier) {
    throw input.kind === "person"
      ? invalid("idNumber", "required", {
          "zh-CN": "自然人须填写居民身份证号",
          "en-US": "A person needs a resident ID number",
        })
      : invalid("creditCode", "required", {
          "zh-CN": "企业须填写统一社会信用代码",
          "en-US": "An enterprise needs its unified social credit code",
        });
  }
  const create = () =>
    ctx.database.db.transaction(async (tx) => {
      const existing = await findRegistered(tx, input);
      if (existing)
        throw alreadyRegistered(input.kind === "person" ? "idNumber" : "creditCode", present(existing));
      return createUser(tx, {
        username: applicantUsername(input.kind, input.creditCode),
        displayName: input.name,
        password: randomBytes(18).toString("base64url"),
        kind: input.kind,
        roles: [{ role: "applicant" }],
        idNumber: input.idNumber,
        creditCode: input.creditCode,
        legalRepresentative: input.legalRepresentative,
        phone: input.phone,
        email: input.email,
        address: input.address,
      });
    });
  // Eight random characters rarely meet a taken name; when they do, draw again.
  let user: { id: string } | undefined;
  for (let attempt = 0; !user; attempt++) {
    try {
      user = await create();
    } catch (e) {
      const taken = e instanceof YizhanError && e.errors?.[0]?.code === "taken" && e.field === "username";
      if (!taken || input.kind !== "person" || attempt >= 4) throw e;
    }
  }
  const [row] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
  return present(row);
}
