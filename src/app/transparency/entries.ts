/**
 * The transparency log's entries (docs/transparency.md): a case event or an administrators' audit row →
 * its public entry, the canonical JSON whose UTF-8 bytes are the Merkle leaf (RFC 6962: H(0x00 ‖ entry)).
 * Personal data — names, user ids, addresses, IPs, free text, form data, snapshots — appears only as
 * salted hashes `"sha256:<hex>"` with the row's secret salt (a private column, never published), so the
 * log reveals nothing personal while the holder of a row can still show what was logged.
 *
 * One derivation for the writer (the case runner, the audit log), the sequencer and `yizhan verify-log`,
 * which recomputes every entry from the rows and their salts.
 */
import { createHash, randomBytes } from "node:crypto";
import { canonicalJson } from "../../adapters/signing/canonicalJson";
import { merkleHasher } from "../../domain/transparency/merkle";

/** The entry format's version (`"v"`). */
export const ENTRY_VERSION = 1;
/** The `prevHash` of a case's first event. */
export const GENESIS_HASH = "0".repeat(64);
/** The kinds of entry. */
export const ENTRY_KINDS = ["case_event", "admin_audit"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** SHA-256 over the concatenation of its arguments (node:crypto). */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/** The RFC 6962 hasher of the log. */
export const logHasher = merkleHasher(sha256);

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A fresh per-entry salt: 16 random bytes as hex. */
export function newSalt(): string {
  return randomBytes(16).toString("hex");
}

/**
 * The salted hash of one value of an entry: `"sha256:" + hex(SHA-256(UTF-8(salt ‖ "\n" ‖ field ‖ "\n" ‖
 * canonical JSON of the value)))`; null and absent values stay null (they say nothing personal).
 */
export function saltedHash(salt: string, field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return `sha256:${hex(sha256(utf8(`${salt}\n${field}\n${canonicalJson(value)}`)))}`;
}

/**
 * A JSON value as the database gives it back from `jsonb` (undefined members dropped, dates as
 * strings): what is hashed at write time must be what a verifier reads later.
 */
export function asStoredJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** A case event row as the log reads it (columns of `case_events`). */
export type CaseEventRow = {
  id: string;
  caseId: string;
  seq: number;
  type: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  at: Date;
  ip: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  data: Record<string, unknown>;
  salt: string | null;
  prevHash: string | null;
  hash: string | null;
};

/** An administrators' audit row as the log reads it (columns of `admin_audit_entries`). */
export type AdminAuditRow = {
  id: string;
  at: Date;
  actorId: string | null;
  actorUsername: string;
  ip: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  orgPath: string | null;
  detail: Record<string, unknown>;
  salt: string | null;
};

/** Audit targets named in clear: organizations, items, calendar days and settings are public facts. */
const PUBLIC_TARGETS = new Set(["organization", "service_item", "calendar", "setting"]);

function requireSalt(kind: EntryKind, id: string, salt: string | null): string {
  if (!salt) throw new Error(`${kind} ${id} has no salt: written before the transparency log`);
  return salt;
}

/**
 * The body of a case event's entry: everything but `prevHash` and `hash` — what the case's chain
 * hashes. Public: ids, seq, time, type, statuses, the actor's role; hashed: the actor (id and name),
 * the IP, the before/after snapshots and the event's data.
 */
export function caseEventBody(row: Omit<CaseEventRow, "prevHash" | "hash">): Record<string, unknown> {
  const salt = requireSalt("case_event", row.id, row.salt);
  return {
    v: ENTRY_VERSION,
    kind: "case_event",
    id: row.id,
    caseId: row.caseId,
    seq: row.seq,
    at: row.at.toISOString(),
    type: row.type,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorRole: row.actorRole,
    actor: saltedHash(salt, "actor", { id: row.actorId, name: row.actorName }),
    ip: saltedHash(salt, "ip", row.ip),
    before: saltedHash(salt, "before", row.before),
    after: saltedHash(salt, "after", row.after),
    data: saltedHash(salt, "data", row.data),
  };
}

/**
 * The link of a case event in its case's chain: hex(SHA-256(the 32 bytes of `prevHash` ‖ UTF-8 of the
 * canonical JSON of the entry's body, i.e. the entry without `prevHash` and `hash`)).
 */
export function chainHash(prevHash: string, body: Record<string, unknown>): string {
  if (!/^[0-9a-f]{64}$/.test(prevHash)) throw new RangeError("prevHash must be 64 lowercase hex digits");
  return hex(sha256(Buffer.from(prevHash, "hex"), utf8(canonicalJson(body))));
}

/** A case event's public entry: its body with the stored chain link (`prevHash`, `hash`). */
export function caseEventEntry(row: CaseEventRow): Record<string, unknown> {
  return { ...caseEventBody(row), prevHash: row.prevHash, hash: row.hash };
}

/**
 * An audit row's public entry. Public: id, time, action, target type, the organization's path, and the
 * target itself when it is an organization, an item, a calendar day or a setting; hashed: the actor
 * (id and username), the IP, a user's or applicant's id and label, and the detail.
 */
export function adminAuditEntry(row: AdminAuditRow): Record<string, unknown> {
  const salt = requireSalt("admin_audit", row.id, row.salt);
  const target = { id: row.targetId, label: row.targetLabel };
  return {
    v: ENTRY_VERSION,
    kind: "admin_audit",
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    targetType: row.targetType,
    orgPath: row.orgPath,
    target: PUBLIC_TARGETS.has(row.targetType) ? target : saltedHash(salt, "target", target),
    actor: saltedHash(salt, "actor", { id: row.actorId, username: row.actorUsername }),
    ip: saltedHash(salt, "ip", row.ip),
    detail: saltedHash(salt, "detail", row.detail),
  };
}

/** The entry string (canonical JSON: exactly what the API returns and the leaf hashes). */
export function entryString(entry: Record<string, unknown>): string {
  return canonicalJson(entry);
}

/** The leaf hash of an entry string, lowercase hex. */
export function leafHashOf(entry: string): string {
  return hex(logHasher.leafHash(utf8(entry)));
}

/** The head of a case's chain as the case row keeps it. */
export type ChainHead = { eventSeq: number; eventHead: string | null };

/**
 * Seals new events of a case: gives each its seq (after the head's), id, salt and chain link, with
 * its JSON values as the database will give them back. Returns the rows to insert and the new head.
 */
export function sealCaseEvents<E extends Omit<CaseEventRow, "id" | "seq" | "salt" | "prevHash" | "hash">>(
  head: ChainHead,
  events: (E & { id: string })[],
): { rows: (E & Pick<CaseEventRow, "id" | "seq" | "salt" | "prevHash" | "hash">)[]; head: ChainHead } {
  let prev = head.eventHead ?? GENESIS_HASH;
  let seq = head.eventSeq;
  const rows = events.map((e) => {
    seq += 1;
    const row = {
      ...e,
      seq,
      salt: newSalt(),
      before: asStoredJson(e.before),
      after: asStoredJson(e.after),
      data: asStoredJson(e.data),
    };
    const prevHash = prev;
    const hash = chainHash(prevHash, caseEventBody(row));
    prev = hash;
    return { ...row, prevHash, hash };
  });
  return { rows, head: { eventSeq: seq, eventHead: rows.length ? prev : head.eventHead } };
}
