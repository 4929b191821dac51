/** Applicants as the window's search shows them (identifiers masked). What src/http/routes/applicants.ts sends. */
import { z } from "zod";

export const ZApplicant = z.object({
  id: z.string(),
  username: z.string(),
  kind: z.enum(["person", "enterprise"]),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  creditCode: z.string().nullable(),
  phoneMasked: z.string().nullable(),
});

export const ZApplicantList = z.object({ items: z.array(ZApplicant) });
