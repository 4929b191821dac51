import type { Actor } from "../actor";
import { relatedTo } from "../policies/cases";
import { allow } from "../policies/registry";

/**
 * Who may do what with the ratings of a case (好差评). Nobody of the staff may rate: submitting is
 * refused to every staff session before any policy (docs/evaluations.md).
 */
// The window opens a tablet for the applicant in front of it.
allow("case", "openEvaluationTablet", (a, c) => relatedTo(a, c.orgPath, "clerk"));
// Staff of the case's office may read its ratings and appeal a bad one to the supervisor (申诉复核).
allow("case", "readEvaluations", (a, c) =>
  relatedTo(a, c.orgPath, "clerk", "approver", "supervisor", "helper", "admin"),
);
allow("case", "appealEvaluation", (a, c) => relatedTo(a, c.orgPath, "clerk", "approver", "helper"));
// The supervisor (电子监察) decides appeals and follows rectifications.
allow("case", ["decideEvaluationAppeal", "manageRectification"], (a, c) =>
  relatedTo(a, c.orgPath, "supervisor"),
);

/** Roles whose holders may read ratings and rectifications of their organization tree. */
export const STAFF_READERS = ["clerk", "approver", "supervisor", "helper", "admin"] as const;

/** True when the actor is staff (a staff session can never submit a rating). */
export const isStaff = (a: Actor | null) => a?.kind === "staff";
