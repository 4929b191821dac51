import { type CaseCommandDefinition, required, to } from "./definition";

/** 不予受理 (Art. 32): with the legal basis and the reason. */
export const refuseCase: CaseCommandDefinition<"refuse"> = {
  from: ["submitted", "correction_requested"],
  to: to("not_accepted"),
  event: "case.refused",
  label: "不予受理",
  guard: (_state, cmd) => [
    ...required("legalBasis", cmd.legalBasis, "不予受理的法律依据", "The legal basis of a refusal"),
    ...required("reason", cmd.reason, "不予受理理由", "The reason"),
  ],
};
