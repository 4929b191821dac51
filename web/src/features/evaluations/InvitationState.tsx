import { Result, Skeleton } from "antd";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import type { TEvaluationInvitation } from "./api";

/**
 * What the rating page shows instead of the form: loading, the link unknown or replaced (404), a staff
 * session (403), already rated, or closed.
 */
export function InvitationGate({
  isLoading,
  error,
  invitation,
}: {
  isLoading: boolean;
  error: unknown;
  invitation: TEvaluationInvitation | undefined;
}) {
  const { t, locale } = useI18n();
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} data-testid="rating-loading" />;
  if (error) {
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 404)
      return (
        <Result
          status="404"
          title={t("eval.form.notFound")}
          subTitle={t("eval.form.notFoundSub")}
          data-testid="rating-not-found"
        />
      );
    if (status === 403)
      return (
        <Result
          status="403"
          title={t("eval.form.staff")}
          subTitle={t("eval.form.staffSub")}
          data-testid="rating-staff"
        />
      );
    return (
      <Result
        status="error"
        title={t("error.generic")}
        subTitle={error instanceof ApiError ? error.messageIn(locale) : String(error)}
        data-testid="rating-load-error"
      />
    );
  }
  if (invitation?.state === "used")
    return (
      <Result
        status="success"
        title={t("eval.form.used")}
        subTitle={t("eval.form.usedSub")}
        data-testid="rating-used"
      />
    );
  if (invitation?.state === "closed")
    return (
      <Result
        status="warning"
        title={t("eval.form.closed")}
        subTitle={t("eval.form.closedSub")}
        data-testid="rating-closed"
      />
    );
  return null;
}

/** The thank-you after a rating (bad ratings are told that a callback follows). */
export function ThankYou({ bad, title, sub }: { bad: boolean; title?: string; sub?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="success"
      title={title ?? t("eval.form.thanks")}
      subTitle={
        sub ?? (bad ? `${t("eval.form.thanksSub")} ${t("eval.form.badSub")}` : t("eval.form.thanksSub"))
      }
      data-testid="rating-thanks"
    />
  );
}
