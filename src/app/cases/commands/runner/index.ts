/**
 * The case runner: the only code that writes `cases` and `case_events` (issue 12; the architecture
 * test holds every other module to it). Status changes are commands of the transition table
 * (`runCaseCommand`, `runCaseCommands`); changes that keep the status are rows of the same-state table
 * (`changeCase`); a case begins with `createCase`.
 */

export type { NewCaseEvent } from "./caseWrites";
export { type CaseChange, type ChangeOutcome, changeCase } from "./changeCase";
export { createCase, numberPendingCase } from "./createCase";
export { rewriteCasePersonalData } from "./personalData";
export {
  type CommandResult,
  type CommandStep,
  changeResult,
  numberNotices,
  runCaseCommand,
  runCaseCommands,
  type ViewOption,
} from "./runCommand";
export { sealLegacyEntries } from "./sealLegacy";
