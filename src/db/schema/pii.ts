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
 * Which string fields of a JSON object are personal data: by name (`fields`), by a pattern on the name
 * (`match`, for application forms whose fields an administrator names: `contactPhone`, `agentIdNumber`),
 * and those of nested objects (`nested`: the agent inside a referral's details). `hashes` names fields
 * whose keyed hash is stored beside them (as `<field>Hash`) for lookups in SQL.
 */
export type PiiFields = {
  fields?: readonly string[];
  match?: RegExp;
  hashes?: readonly string[];
  nested?: Readonly<Record<string, PiiFields>>;
};

/** A JSON column of which the fields `spec` names are encrypted (see {@link PiiFields}). */
export function piiJsonb<T>(name: string, spec: PiiFields) {
  return customType<{ data: T; driverData: string | object }>({
    dataType: () => "jsonb",
    toDriver: (v) => JSON.stringify(encodePiiFields(v, spec)),
    fromDriver: (v) => decodePiiFields((typeof v === "string" ? JSON.parse(v) : v) as T, spec),
  })(name);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);

const named = (key: string, spec: PiiFields) =>
  (spec.fields?.includes(key) ?? false) || (spec.match?.test(key) ?? false);

/** `v` with the personal-data fields of `spec` encrypted under the active key (and hashed where asked). */
export function encodePiiFields<T>(v: T, spec: PiiFields): T {
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = { ...v };
  for (const [f, plain] of Object.entries(v)) {
    if (named(f, spec) && typeof plain === "string" && plain !== "") {
      out[f] = encryptPii(decryptPii(plain));
      if (spec.hashes?.includes(f)) out[`${f}Hash`] = piiHash(decryptPii(plain));
    }
  }
  for (const [f, inner] of Object.entries(spec.nested ?? {})) out[f] = encodePiiFields(out[f], inner);
  return out as T;
}

/** `v` with the personal-data fields of `spec` decrypted (plaintext of an older version reads as itself). */
export function decodePiiFields<T>(v: T, spec: PiiFields): T {
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = { ...v };
  for (const [f, value] of Object.entries(v))
    if (named(f, spec) && typeof value === "string") out[f] = decryptPii(value);
  for (const f of spec.hashes ?? []) delete out[`${f}Hash`];
  for (const [f, inner] of Object.entries(spec.nested ?? {})) out[f] = decodePiiFields(out[f], inner);
  return out as T;
}
