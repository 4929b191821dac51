import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES, USER_KINDS } from "../../domain/roles";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { piiText } from "./pii";

/** Accounts: staff, and applicants as persons (居民) or enterprises (企业). */
export const users = pgTable(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    kind: text("kind", { enum: USER_KINDS }).notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale", { enum: ["zh-CN", "en-US"] })
      .notNull()
      .default("zh-CN"),
    /** 关怀模式 (larger text, higher contrast, simpler words) on the applicant's pages, remembered per user. */
    careMode: boolean("care_mode").notNull().default(false),
    /** Encrypted at rest (ADR 0016); `idNumberHash` is its keyed hash, for lookups. */
    idNumber: piiText("id_number"),
    idNumberHash: text("id_number_hash"),
    creditCode: text("credit_code"),
    legalRepresentative: text("legal_representative"),
    phone: piiText("phone"),
    phoneHash: text("phone_hash"),
    email: text("email"),
    address: text("address"),
    active: boolean("active").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: instant("locked_until"),
    passwordChangedAt: instant("password_changed_at"),
    /** Set by an administrator's password reset: every request but changing it is refused until then. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /**
     * Two-step login (TOTP, RFC 6238; staff only, optional): the base32 secret once confirmed, the one
     * being enrolled, when it was confirmed, the last time step accepted (a code is used once), and the
     * SHA-256 hashes of the unused recovery codes.
     */
    totpSecret: piiText("totp_secret"),
    totpPendingSecret: piiText("totp_pending_secret"),
    totpEnabledAt: instant("totp_enabled_at"),
    totpLastStep: integer("totp_last_step"),
    totpRecoveryHashes: jsonb("totp_recovery_hashes").$type<string[]>().notNull().default([]),
    /** Optimistic version of the account as administrators edit it (roles, name, active). */
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_username_uq").on(t.username),
    index("users_credit_code_idx").on(t.creditCode),
    index("users_id_number_hash_idx").on(t.idNumberHash),
    index("users_phone_hash_idx").on(t.phoneHash),
  ],
);

/** A role held by a user in an organization (role memberships per organization). */
export const roleMemberships = pgTable(
  "role_memberships",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    orgId: uuid("org_id").references(() => organizations.id),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("role_memberships_user_idx").on(t.userId), index("role_memberships_org_idx").on(t.orgId)],
);
