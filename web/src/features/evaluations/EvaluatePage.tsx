import { StarOutlined } from "@ant-design/icons";
import { Card, Descriptions, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { type SubmitResult, useInvitation } from "./api";
import { InvitationGate, ThankYou } from "./InvitationState";
import { RatingForm } from "./RatingForm";

/** `/evaluate/:token`: the signed link of the e-mail or SMS — no login, works once (好差评). */
export default function EvaluatePage() {
  const { token = "" } = useParams<{ token: string }>();
  const { t } = useI18n();
  const q = useInvitation(token);
  const [done, setDone] = useState<SubmitResult | null>(null);
  const inv = q.data;
  const formOpen = !q.isLoading && !q.error && inv?.state === "open";
  return (
    <Card style={{ maxWidth: 760, margin: "0 auto" }} data-testid="page-evaluate">
      <Typography.Title level={4} data-testid="page-title">
        <StarOutlined /> {t("eval.form.title")}
      </Typography.Title>
      {done ? (
        <ThankYou bad={done.level === "dissatisfied" || done.level === "very_dissatisfied"} />
      ) : !formOpen ? (
        <InvitationGate isLoading={q.isLoading} error={q.error} invitation={inv} />
      ) : (
        inv && (
          <>
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: "case",
                  children: t("eval.form.case", { number: inv.caseNumber, item: inv.itemName }),
                },
                { key: "org", children: t("eval.form.org", { org: inv.orgName }) },
                {
                  key: "stage",
                  children: t("eval.form.stage", { stage: t(`eval.stage.${inv.stage}` as MessageKey) }),
                },
                { key: "closes", children: t("eval.form.closesAt", { at: formatDateTime(inv.closesAt) }) },
              ]}
            />
            <RatingForm refKey={token} invitation={inv} onDone={setDone} />
          </>
        )
      )}
    </Card>
  );
}
