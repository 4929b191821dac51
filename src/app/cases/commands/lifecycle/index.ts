import type { CaseCommandType } from "../../../../domain/cases/commands";
import type { Effect } from "../effects";
import { acceptCase } from "./acceptCase";
import { checkDeferred } from "./checkDeferred";
import { completeCase } from "./completeCase";
import { decideCase } from "./decideCase";
import { deemAccepted } from "./deemAccepted";
import { deliverDeferred } from "./deliverDeferred";
import { extendCase } from "./extendCase";
import { issueCase } from "./issueCase";
import { recommendTask } from "./recommendTask";
import { referCase } from "./referCase";
import { refuseCase } from "./refuseCase";
import { requestCorrection } from "./requestCorrection";
import { resubmitCase } from "./resubmitCase";
import { resumeCase } from "./resumeCase";
import { sendBackTask } from "./sendBackTask";
import { submitCase } from "./submitCase";
import { suspendCase } from "./suspendCase";
import { withdrawCase } from "./withdrawCase";

/**
 * The effects of each command of the lifecycle, one file each with the name of its domain file
 * (`domain/cases/lifecycle/acceptCase.ts` ↔ `app/cases/commands/lifecycle/acceptCase.ts`). `assign` and `expire`
 * have none.
 */
export const EFFECTS: { [K in CaseCommandType]?: Effect<K> } = {
  submit: submitCase,
  requestCorrection,
  resubmit: resubmitCase,
  accept: acceptCase,
  deemAccepted,
  refuse: refuseCase,
  refer: referCase,
  recommend: recommendTask,
  sendBack: sendBackTask,
  suspend: suspendCase,
  resume: resumeCase,
  extend: extendCase,
  decide: decideCase,
  issue: issueCase,
  complete: completeCase,
  withdraw: withdrawCase,
  deliverDeferred,
  checkDeferred,
};

/** The effects of a command of any type (the table is typed per command). */
export function effectOf(type: CaseCommandType): Effect<CaseCommandType> | undefined {
  return EFFECTS[type] as Effect<CaseCommandType> | undefined;
}
