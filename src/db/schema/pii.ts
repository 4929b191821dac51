import { customType } from "drizzle-orm/pg-core";
import { decryptPii, encryptPii, piiHash } from "../../adapters/pii/keyring";

/**
 * Columns holding personal data encrypted at rest (ADR 0016): the application reads and writes plain
 * values, the database holds `pii:v1:<key id>:…` (src/adapters/pii/keyring.ts). Comparing such a column
 * with a value finds nothing (every encryption differs): look up by the keyed hash column beside it.
 */
export const piiText = customType<{ data: string; driverData: string }>({
  dataType: () => "text",
  toDriver: (v) => encryptPii(v),
  fromDriver: (v) => decryptPii(v),
});

/**
 * A JSON column of which the named string fields are encrypted; `hashes` names fields whose keyed hash
 * is stored beside them (as `<field>Hash`) for lookups in SQL.
 */
export function piiJsonb<T>(name: string, fields: readonly string[], hashes: readonly string[] = []) {
  return customType<{ data: T; driverData: string | object }>({
    dataType: () => "jsonb",
    toDriver: (v) => JSON.stringify(encodeFields(v, fields, hashes)),
    fromDriver: (v) => decodeFields((typeof v === "string" ? JSON.parse(v) : v) as T, fields, hashes),
  })(name);
}

function encodeFields<T>(v: T, fields: readonly string[], hashes: readonly string[]): T {
  if (!v || typeof v !== "object") return v;
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const f of fields) {
    const plain = out[f];
    if (typeof plain === "string" && plain !== "") {
      out[f] = encryptPii(plain);
      if (hashes.includes(f)) out[`${f}Hash`] = piiHash(plain);
    }
  }
  return out as T;
}

function decodeFields<T>(v: T, fields: readonly string[], hashes: readonly string[]): T {
  if (!v || typeof v !== "object") return v;
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const f of fields) if (typeof out[f] === "string") out[f] = decryptPii(out[f] as string);
  for (const f of hashes) delete out[`${f}Hash`];
  return out as T;
}
