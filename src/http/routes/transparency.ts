import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import {
  consistencyProof,
  inclusionProof,
  latestCheckpoint,
  listCheckpoints,
  logEntries,
  logKeys,
} from "../../app/transparency/read";
import {
  ZConsistencyProofQuery,
  ZInclusionProofQuery,
  ZListCheckpointsQuery,
  ZLogEntriesQuery,
} from "../../shared/api/requests/transparency";
import {
  ZCheckpoint,
  ZCheckpointList,
  ZConsistencyProof,
  ZInclusionProof,
  ZLogEntries,
  ZLogKeys,
} from "../../shared/api/transparency";

/** Public, rate-limited like the progress lookup (docs/transparency.md). */
const PUBLIC = { access: "public", rateLimit: { max: 60, timeWindow: "1 minute" } } as const;
const TAGS = ["transparency"];

/** The transparency log's public API (阳光下工作): checkpoints, proofs, entries, keys. No login. */
export async function transparencyRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/transparency/checkpoints/latest",
    {
      config: PUBLIC,
      schema: {
        operationId: "getLatestCheckpoint",
        tags: TAGS,
        summary: "The latest signed checkpoint (tree size, root hash, time) of the transparency log",
        response: { 200: ZCheckpoint },
        problems: [404],
      },
    },
    async () => latestCheckpoint(ctx),
  );
  r.get(
    "/api/transparency/checkpoints",
    {
      config: PUBLIC,
      schema: {
        operationId: "listCheckpoints",
        tags: TAGS,
        summary: "Archived checkpoints, newest first",
        querystring: ZListCheckpointsQuery,
        response: { 200: ZCheckpointList },
        problems: [422],
      },
    },
    async (req) => listCheckpoints(ctx, req.query),
  );
  r.get(
    "/api/transparency/proofs/inclusion",
    {
      config: PUBLIC,
      schema: {
        operationId: "getInclusionProof",
        tags: TAGS,
        summary: "The audit path of an entry in a tree (RFC 6962 §2.1.1)",
        querystring: ZInclusionProofQuery,
        response: { 200: ZInclusionProof },
        problems: [404, 422],
      },
    },
    async (req) => inclusionProof(ctx, req.query),
  );
  r.get(
    "/api/transparency/proofs/consistency",
    {
      config: PUBLIC,
      schema: {
        operationId: "getConsistencyProof",
        tags: TAGS,
        summary: "The consistency proof between two tree sizes (RFC 6962 §2.1.2)",
        querystring: ZConsistencyProofQuery,
        response: { 200: ZConsistencyProof },
        problems: [422],
      },
    },
    async (req) => consistencyProof(ctx, req.query),
  );
  r.get(
    "/api/transparency/entries",
    {
      config: PUBLIC,
      schema: {
        operationId: "getLogEntries",
        tags: TAGS,
        summary: "Entries [start, end) of the log as their canonical JSON (at most 1000)",
        querystring: ZLogEntriesQuery,
        response: { 200: ZLogEntries },
        problems: [422],
      },
    },
    async (req) => logEntries(ctx, req.query),
  );
  r.get(
    "/api/transparency/keys",
    {
      config: PUBLIC,
      schema: {
        operationId: "getLogKeys",
        tags: TAGS,
        summary: "The public keys that sign the log's checkpoints",
        response: { 200: ZLogKeys },
      },
    },
    async () => logKeys(ctx),
  );
}
