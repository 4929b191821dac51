import { acceptCase } from "./acceptCase";
import { assignCase } from "./assignCase";
import { checkDeferred } from "./checkDeferred";
import { completeCase } from "./completeCase";
import { decideCase } from "./decideCase";
import { deemAccepted } from "./deemAccepted";
import type { CommandTable } from "./definition";
import { deliverDeferred } from "./deliverDeferred";
import { expireDraft } from "./expireDraft";
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

export * from "./definition";

/** The case lifecycle (DESIGN.md; 行政许可法 Art. 32–45): every command by type, one file each. */
export const COMMANDS: CommandTable = {
  submit: submitCase,
  requestCorrection,
  resubmit: resubmitCase,
  accept: acceptCase,
  deemAccepted,
  refuse: refuseCase,
  refer: referCase,
  assign: assignCase,
  recommend: recommendTask,
  sendBack: sendBackTask,
  suspend: suspendCase,
  resume: resumeCase,
  extend: extendCase,
  decide: decideCase,
  issue: issueCase,
  complete: completeCase,
  withdraw: withdrawCase,
  expire: expireDraft,
  deliverDeferred,
  checkDeferred,
};
