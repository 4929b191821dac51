import { deadlineOf, type Effect, toApplicant } from "../effects";

/** Effects of 恢复计时: the applicant is told the new deadline. */
export const resumeCase: Effect<"resume"> = async (env) => {
  const deadline = deadlineOf(env);
  return { eventData: { deadline }, notifications: [await toApplicant(env, "case.resumed", { deadline })] };
};
