import type { z } from "zod";
import type { ZCheckDeferred } from "../../../shared/api/requests/cases";
import type { Actor } from "../../actor";
import type { AppContext } from "../../context";
import { fileStorage } from "../../files/fileStorage";
import { recordFile } from "../../files/recordFile";
import { acceptedUploadType } from "../../files/uploads";
import { authorize } from "../../policies";
import { casePolicyRecord, loadCase } from "../caseRows";
import { runCaseCommand, type ViewOption } from "../commands/runner";

/**
 * 容缺后补: the applicant (online) or the window (scanning what is handed in) delivers a material that
 * was deferred at acceptance. The file is checked by content and stored; recording it and the
 * `deliverDeferred` command are one transaction of the command runner (422 when nothing is owed).
 */
export async function deliverDeferredMaterial(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  materialCode: string,
  upload: { fileName: string; bytes: Buffer },
  opts: ViewOption = {},
) {
  // Refused callers store nothing: the policy is checked before the bytes are written.
  authorize(actor, "deliverDeferred", "case", casePolicyRecord(await loadCase(ctx.database.db, caseId)));
  const contentType = await acceptedUploadType(upload.bytes);
  const stored = await fileStorage(ctx).put(upload.bytes);
  const now = ctx.clock.now();
  return runCaseCommand(
    ctx,
    actor,
    caseId,
    undefined,
    async (tx, c) => {
      const file = await recordFile(tx, stored, {
        fileName: upload.fileName,
        contentType,
        sizeBytes: upload.bytes.length,
        uploadedBy: actor.userId,
        caseId: c.id,
        at: now,
      });
      return { type: "deliverDeferred", materialCode, fileId: file.id };
    },
    { policyAction: "deliverDeferred", view: opts.view },
  );
}

/**
 * The window checks a delivered deferred material: `pass` fulfils the applicant's commitment;
 * `defective` (with a note the applicant is told) leaves it owed under the same due date.
 */
export function checkDeferredMaterial(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  materialCode: string,
  input: z.infer<typeof ZCheckDeferred>,
  opts: ViewOption = {},
) {
  return runCaseCommand(
    ctx,
    actor,
    caseId,
    input.expectedVersion,
    {
      type: "checkDeferred",
      materialCode,
      verdict: input.verdict,
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    },
    opts,
  );
}
