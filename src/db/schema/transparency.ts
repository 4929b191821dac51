import {
  bigint,
  bigserial,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { instant } from "./common";

/**
 * The transparency log (透明日志, docs/transparency.md). Entries come from `case_events` and
 * `admin_audit_entries`; each of those rows carries its per-entry secret salt (a private column, never
 * published) and, for case events, its link in the case's hash chain (`prev_hash`, `hash`).
 */

/**
 * What the sequencer has yet to integrate: one row per new entry, inserted in the entry's own
 * transaction (in the same statement as the entry), deleted when the entry gets its leaf.
 */
export const transparencyQueue = pgTable("transparency_queue", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** `case_event` | `admin_audit`. */
  kind: text("kind").notNull(),
  sourceId: uuid("source_id").notNull(),
});

/** The leaves: leaf index → the entry's source row and its leaf hash (RFC 6962: H(0x00 ‖ entry)). */
export const transparencyLeaves = pgTable(
  "transparency_leaves",
  {
    leafIndex: bigint("leaf_index", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    sourceId: uuid("source_id").notNull(),
    /** Lowercase hex. */
    leafHash: text("leaf_hash").notNull(),
    integratedAt: instant("integrated_at").notNull(),
  },
  (t) => [uniqueIndex("transparency_leaves_source_uq").on(t.sourceId)],
);

/**
 * The hash of every complete perfect subtree of level ≥ 1 (leaves [index·2^level, (index+1)·2^level));
 * level 0 is the leaves' own hash. Any root, audit path or consistency proof is a fold of O(log n) of
 * these.
 */
export const transparencyNodes = pgTable(
  "transparency_nodes",
  {
    level: smallint("level").notNull(),
    index: bigint("idx", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.index] })],
);

/** The signed checkpoints (tree heads), one per integration batch, archived. */
export const transparencyCheckpoints = pgTable("transparency_checkpoints", {
  treeSize: bigint("tree_size", { mode: "number" }).primaryKey(),
  rootHash: text("root_hash").notNull(),
  timestamp: instant("timestamp").notNull(),
  keyId: text("key_id").notNull(),
  algorithm: text("algorithm").notNull(),
  /** The exact signed text (`yizhan-transparency/v1\n<origin>\n<size>\n<root>\n<time>\n`). */
  note: text("note").notNull(),
  /** Base64. */
  signature: text("signature").notNull(),
});
