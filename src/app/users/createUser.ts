import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { piiHash } from "../../adapters/pii/keyring";
import type { Executor } from "../../db/client";
import { organizations, roleMemberships, users } from "../../db/schema";
import { invalid } from "../../domain/errors";
import { isValidResidentId, isValidUscc } from "../../domain/rules/identifiers";
import { containsPersonalIdentifier } from "../../domain/rules/maskText";
import type { ZCreateUser } from "../../shared/api/requests/admin";
import { hashPassword, passwordProblem } from "../auth/passwords";
import { staffChanged } from "../staff/staffCache";

export type TCreateUser = z.infer<typeof ZCreateUser>;

/**
 * Creates an account with its role memberships. Staff roles must name an existing organization
 * (by code); identifiers are checked (GB 11643 for persons, GB 32100 for enterprises).
 */
export async function createUser(ex: Executor, input: TCreateUser): Promise<{ id: string }> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw invalid("password", "weak_password", problem);
  if (input.idNumber && !isValidResidentId(input.idNumber)) {
    throw invalid("idNumber", "invalid_id_number", {
      "zh-CN": "居民身份证号码无效（GB 11643-1999 校验）",
      "en-US": "Invalid resident ID number (GB 11643-1999 check)",
    });
  }
  if (input.creditCode && !isValidUscc(input.creditCode)) {
    throw invalid("creditCode", "invalid_credit_code", {
      "zh-CN": "统一社会信用代码无效（GB 32100-2015 校验）",
      "en-US": "Invalid unified social credit code (GB 32100-2015 check)",
    });
  }
  // A username is shown in lists, logs and e-mails, and typed at every login: never an ID number.
  if (containsPersonalIdentifier(input.username, [input.idNumber, input.phone])) {
    throw invalid("username", "contains_personal_data", {
      "zh-CN": "用户名不能包含身份证号码或手机号码",
      "en-US": "A username must not contain an ID number or a phone number",
    });
  }
  const [existing] = await ex.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) {
    throw invalid("username", "taken", { "zh-CN": "用户名已存在", "en-US": "This username is taken" });
  }
  const codes = input.roles.map((r) => r.org).filter((c): c is string => !!c);
  const orgs = codes.length
    ? await ex
        .select({ id: organizations.id, code: organizations.code })
        .from(organizations)
        .where(inArray(organizations.code, codes))
    : [];
  const orgIdByCode = new Map(orgs.map((o) => [o.code, o.id]));
  input.roles.forEach((r, i) => {
    if (r.role !== "applicant" && !r.org) {
      throw invalid(`roles[${i}].org`, "required", {
        "zh-CN": `角色 ${r.role} 必须指定所属机构`,
        "en-US": `Role ${r.role} needs an organization`,
      });
    }
    if (r.org && !orgIdByCode.has(r.org)) {
      throw invalid(`roles[${i}].org`, "unknown_org", {
        "zh-CN": `机构代码 ${r.org} 不存在`,
        "en-US": `No organization with code ${r.org}`,
      });
    }
  });
  const passwordHash = await hashPassword(input.password);
  const [user] = await ex
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      kind: input.kind,
      passwordHash,
      idNumber: input.idNumber,
      idNumberHash: input.idNumber ? piiHash(input.idNumber) : null,
      creditCode: input.creditCode,
      legalRepresentative: input.legalRepresentative,
      phone: input.phone,
      phoneHash: input.phone ? piiHash(input.phone) : null,
      email: input.email,
      address: input.address,
    })
    .returning({ id: users.id });
  if (input.roles.length) {
    await ex.insert(roleMemberships).values(
      input.roles.map((r) => ({
        userId: user.id,
        role: r.role,
        orgId: r.org ? orgIdByCode.get(r.org) : null,
      })),
    );
    staffChanged();
  }
  return user;
}
