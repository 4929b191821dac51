/**
 * The transparency log's wire contract (docs/transparency.md; issue 18): signed checkpoints, inclusion
 * and consistency proofs (RFC 6962 §2.1), entries and the signing keys. Hashes are lowercase hex.
 */
import { z } from "zod";

const ZHash = z.string().regex(/^[0-9a-f]{64}$/);

/** A signed tree head: `signature` (base64) is over the UTF-8 bytes of `note`. */
export const ZCheckpoint = z.object({
  treeSize: z.number().int().min(0),
  rootHash: ZHash,
  /** ISO 8601, UTC. */
  timestamp: z.string(),
  keyId: z.string(),
  algorithm: z.enum(["Ed25519", "SM2-SM3"]),
  /** `yizhan-transparency/v1\n<origin>\n<treeSize>\n<rootHash>\n<timestamp>\n`. */
  note: z.string(),
  signature: z.string(),
});
export type TCheckpoint = z.infer<typeof ZCheckpoint>;

export const ZCheckpointList = z.object({ items: z.array(ZCheckpoint) });

export const ZInclusionProof = z.object({
  leafIndex: z.number().int().min(0),
  treeSize: z.number().int().min(1),
  leafHash: ZHash,
  /** From the leaf's sibling up (RFC 6962 PATH order). */
  auditPath: z.array(ZHash),
});
export type TInclusionProof = z.infer<typeof ZInclusionProof>;

export const ZConsistencyProof = z.object({
  first: z.number().int().min(0),
  second: z.number().int().min(0),
  proof: z.array(ZHash),
});
export type TConsistencyProof = z.infer<typeof ZConsistencyProof>;

export const ZLogEntry = z.object({
  leafIndex: z.number().int().min(0),
  kind: z.enum(["case_event", "admin_audit"]),
  /** The entry's canonical JSON: leafHash = SHA-256(0x00 ‖ UTF-8 of this string). */
  entry: z.string(),
  leafHash: ZHash,
});
export type TLogEntry = z.infer<typeof ZLogEntry>;

export const ZLogEntries = z.object({ items: z.array(ZLogEntry) });

export const ZLogKeys = z.object({
  items: z.array(
    z.object({
      keyId: z.string(),
      algorithm: z.enum(["Ed25519", "SM2-SM3"]),
      publicKeyPem: z.string(),
    }),
  ),
});
export type TLogKeys = z.infer<typeof ZLogKeys>;
