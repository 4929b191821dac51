import { customType, integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./common";

/** A PostgreSQL `bytea`, read and written as a Node Buffer on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array | string }>({
  dataType: () => "bytea",
  toDriver: (v) => v,
  fromDriver: (v) => {
    if (Buffer.isBuffer(v)) return v;
    if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    // A driver that hands bytea back as text uses the hex form `\x…`.
    return Buffer.from(String(v).replace(/^\\x/, ""), "hex");
  },
});

/**
 * The bytes of every stored file (uploads, rendered documents, shared-data documents), content-addressed:
 * `key` is the checksum path the `files` rows point at (`ab/cd/<sha256>`), the same bytes are kept once.
 * In the database so that every app server reaches them and a backup (`yizhan backup`, `pg_dump`)
 * carries them with the rows that name them (ADR 0015).
 */
export const storedFiles = pgTable("stored_files", {
  key: text("key").primaryKey(),
  sha256: text("sha256").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  content: bytea("content").notNull(),
  createdAt: instant("created_at").notNull(),
});
