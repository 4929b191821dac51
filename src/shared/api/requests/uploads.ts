/**
 * Multipart requests (uploads): the parts of each form, as the routes read them and the OpenAPI
 * document describes them (`multipart/form-data`).
 */
import { z } from "zod";
import { multiline } from "../../text";

/** The bytes of an uploaded file (a multipart part). */
export const ZUploadFile = z.string().meta({ format: "binary", description: "The file's bytes" });

/** One file in the part `file` (uploadMaterial, deliverDeferredMaterial, uploadPrecheckFile …). */
export const ZUploadParts = z.object({ file: ZUploadFile });

/** A partner's answer: the file, an optional note, and the request's version (optimistic check). */
export const ZAnswerPartnerRequestParts = z.object({
  file: ZUploadFile,
  note: multiline(z.string()).optional(),
  expectedVersion: z.string().max(10).optional().describe("The request's version (an integer)"),
});

/** A shared-data record with its document: the file and the record as JSON text. */
export const ZPublishSharedRecordParts = z.object({
  file: ZUploadFile.optional(),
  record: z.string().describe("The record (subjectCode, subjectName, fields, validUntil) as JSON text"),
});
