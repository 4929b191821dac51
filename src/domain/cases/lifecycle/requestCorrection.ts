import { correctionProblems } from "../guards";
import { type CaseCommandDefinition, to } from "./definition";

/** 一次性告知补正 (Art. 32): every problem at once, only materials of the list, never one that passed. */
export const requestCorrection: CaseCommandDefinition<"requestCorrection"> = {
  from: ["submitted"],
  to: to("correction_requested"),
  event: "case.correction_requested",
  label: "一次性告知补正",
  guard: (_state, cmd, ctx) => correctionProblems(cmd.items, ctx),
  apply(s) {
    s.correctionRounds += 1;
  },
};
