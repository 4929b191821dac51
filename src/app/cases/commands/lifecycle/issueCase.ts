import { issueCertificatesForCase } from "../../../certificates/issue";
import { type Effect, toApplicant } from "../effects";

/** Effects of 制证送达（办结）: the certificates are issued and signed; the applicant is told. */
export const issueCase: Effect<"issue"> = async (env) => {
  await issueCertificatesForCase(env);
  return { columns: { completedAt: env.now }, notifications: [await toApplicant(env, "case.completed")] };
};
