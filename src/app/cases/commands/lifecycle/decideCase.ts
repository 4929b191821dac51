import { createNotice } from "../documents";
import { type Effect, toApplicant } from "../effects";
import { decisionNoticeKind, noticeTitle } from "../noticeTemplates";

/** Effects of 作出决定: the decision notice of the item's kind (准予/不予许可决定书 …) and its notification. */
export const decideCase: Effect<"decide"> = async (env) => {
  // The notice fits the kind of item: 准予/不予行政许可决定书, 登记结果告知书, 办理结果告知书 … (NOTICE_TEMPLATES).
  const kind = decisionNoticeKind(env.item.content.kind, env.cmd.outcome);
  const notice = await createNotice(
    env.tx,
    env.c,
    kind,
    env.today,
    { outcome: env.cmd.outcome, reasons: env.cmd.reasons },
    env.now,
    env.later,
  );
  return {
    eventData: { documentId: notice.id },
    notifications: [
      await toApplicant(env, "case.decided", {
        outcome: env.cmd.outcome,
        reason: env.cmd.reasons,
        document: noticeTitle(kind),
      }),
    ],
  };
};
