import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { piiHash, piiHashes } from "../../adapters/pii/keyring";
import type { Executor } from "../../db/client";
import { users } from "../../db/schema";
import { type FieldProblem, YizhanError } from "../../domain/errors";
import { residentIdProblem, usccProblem } from "../../domain/rules/identifiers";

/** What the window enters for a walk-in applicant (代录). */
export type Registration = {
  kind: "person" | "enterprise";
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: string;
  phone?: string;
  email?: string;
  address?: string;
};

const problem = (field: string, code: string, zh: string, en: string): FieldProblem => ({
  field,
  code,
  message: { "zh-CN": zh, "en-US": en },
});

const ID_PROBLEMS = {
  length: ["应为 18 位", "must have 18 characters"],
  charset: ["前 17 位为数字，末位为数字或 X", "17 digits and a final digit or X"],
  birthDate: ["出生日期无效", "the birth date in it is not a real date"],
  check: ["校验码不符（GB 11643-1999）", "the check digit does not match (GB 11643-1999)"],
} as const;
const USCC_PROBLEMS = {
  length: ["应为 18 位", "must have 18 characters"],
  charset: ["含有不允许的字符（不使用 I、O、Z、S、V）", "contains characters not used (no I, O, Z, S, V)"],
  check: ["校验码不符（GB 32100-2015）", "the check character does not match (GB 32100-2015)"],
} as const;

/** Identifiers as the standards print them: trimmed, upper case (a typed x of an ID number is X). */
export function normalizeRegistration<T extends Registration>(r: T): T {
  const up = (s: string | undefined) => (s?.trim() ? s.trim().toUpperCase() : undefined);
  const trim = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    ...r,
    name: r.name.trim(),
    idNumber: r.kind === "person" ? up(r.idNumber) : undefined,
    creditCode: r.kind === "enterprise" ? up(r.creditCode) : undefined,
    legalRepresentative: r.kind === "enterprise" ? trim(r.legalRepresentative) : undefined,
    phone: trim(r.phone),
    address: trim(r.address),
  };
}

/**
 * Every problem of a walk-in registration at once, each on its field: a person's 居民身份证号
 * (GB 11643-1999), an enterprise's 统一社会信用代码 (GB 32100-2015) and legal representative, and a
 * mobile phone to reach the applicant (notices go by SMS: the account has no password they know yet).
 */
export function registrationProblems(r: Registration): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!r.name) out.push(problem("name", "required", "请填写姓名或名称", "Enter the name"));
  if (r.kind === "person") {
    const why = r.idNumber ? residentIdProblem(r.idNumber) : "missing";
    if (why === "missing")
      out.push(
        problem("idNumber", "required", "自然人须填写居民身份证号", "A person needs a resident ID number"),
      );
    else if (why) {
      const [zh, en] = ID_PROBLEMS[why];
      out.push(
        problem(
          "idNumber",
          "invalid_id_number",
          `居民身份证号无效：${zh}`,
          `Invalid resident ID number: ${en}`,
        ),
      );
    }
  } else {
    const why = r.creditCode ? usccProblem(r.creditCode) : "missing";
    if (why === "missing")
      out.push(
        problem(
          "creditCode",
          "required",
          "企业须填写统一社会信用代码",
          "An enterprise needs its unified social credit code",
        ),
      );
    else if (why) {
      const [zh, en] = USCC_PROBLEMS[why];
      out.push(
        problem(
          "creditCode",
          "invalid_credit_code",
          `统一社会信用代码无效：${zh}`,
          `Invalid credit code: ${en}`,
        ),
      );
    }
    if (!r.legalRepresentative)
      out.push(
        problem(
          "legalRepresentative",
          "required",
          "企业须填写法定代表人",
          "An enterprise needs its legal representative",
        ),
      );
  }
  if (!r.phone)
    out.push(
      problem("phone", "required", "请填写手机号码（用于办件通知）", "Enter a mobile number (for notices)"),
    );
  return out;
}

/** 422 with every problem of the registration, each on its field. */
export function registrationError(problems: FieldProblem[]): YizhanError {
  const text = (lang: "zh-CN" | "en-US") =>
    problems.map((p) => p.message[lang]).join(lang === "zh-CN" ? "；" : "; ");
  return new YizhanError(
    "validation_failed",
    422,
    { "zh-CN": `输入有误：${text("zh-CN")}`, "en-US": `Validation failed: ${text("en-US")}` },
    { errors: problems },
  );
}

/**
 * The applicant already registered with this identifier, if any. Takes a transaction-scoped lock on
 * the identifier first, so two windows registering the same person at once create one account.
 */
export async function findRegistered(ex: Executor, r: Registration) {
  const identifier = r.kind === "person" ? r.idNumber : r.creditCode;
  if (!identifier) return undefined;
  await ex.execute(sql`select pg_advisory_xact_lock(hashtext(${`applicant:${piiHash(identifier)}`}))`);
  const [row] = await ex
    .select()
    .from(users)
    .where(
      and(
        ne(users.kind, "staff"),
        r.kind === "person"
          ? inArray(users.idNumberHash, piiHashes(identifier))
          : eq(users.creditCode, identifier),
      ),
    )
    .limit(1);
  return row;
}

/** 409: this identifier is registered already; the existing applicant (masked) is offered instead. */
export function alreadyRegistered(field: "idNumber" | "creditCode", applicant: Record<string, unknown>) {
  const what =
    field === "idNumber" ? ["居民身份证号", "resident ID number"] : ["统一社会信用代码", "credit code"];
  return new YizhanError(
    "applicant_exists",
    409,
    {
      "zh-CN": `该${what[0]}已登记为申请人“${String(applicant.name)}”，请直接选用`,
      "en-US": `This ${what[1]} is already registered as "${String(applicant.name)}"; choose that applicant`,
    },
    {
      errors: [
        {
          field,
          code: "already_registered",
          message: {
            "zh-CN": `已登记（${String(applicant.name)}）`,
            "en-US": `Already registered (${String(applicant.name)})`,
          },
        },
      ],
      details: { applicant },
    },
  );
}
