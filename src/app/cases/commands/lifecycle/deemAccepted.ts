import type { Effect } from "../effects";
import { onAccepted } from "./acceptCase";

/** Effects of 视为受理 (Art. 32): as an acceptance, with a red alert that the check was overdue. */
export const deemAccepted: Effect<"deemAccepted"> = (env) => onAccepted(env, [], true);
