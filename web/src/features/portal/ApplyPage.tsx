import { Button, Card, Result, Skeleton, Steps } from "antd";
import { Navigate, useParams } from "react-router-dom";
import { useT } from "../../i18n/useT";
import { useCase } from "../cases/api";
import { CorrectionPanel } from "./CorrectionPanel";
import { DraftEditor } from "./DraftEditor";
import { ItemPicker } from "./ItemPicker";

/** `/portal/apply` (pick an item) and `/portal/apply/:id` (fill a draft, or correct after a notice). */
export default function ApplyPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const q = useCase(id);
  let body: React.ReactNode;
  if (!id) body = <ItemPicker />;
  else if (q.isLoading)
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  else if (q.isError || !q.data)
    body = (
      <Result
        status="error"
        title={t("cases.notFound")}
        extra={<Button onClick={() => q.refetch()}>{t("cases.retry")}</Button>}
      />
    );
  else if (q.data.status === "draft") body = <DraftEditor key={q.data.id} caseData={q.data} />;
  else if (q.data.status === "correction_requested") body = <CorrectionPanel caseData={q.data} />;
  else body = <Navigate to={`/cases/${q.data.id}`} replace />;
  const correcting = q.data?.status === "correction_requested";
  return (
    <div data-testid="page-apply">
      <Card size="small" style={{ marginBottom: 16 }}>
        <nav aria-label={t("apply.steps")}>
          <Steps
            size="small"
            responsive={false}
            current={id ? 1 : 0}
            data-testid="apply-steps"
            items={[
              { title: t("apply.step.pick") },
              { title: t(correcting ? "apply.step.correct" : "apply.step.fill") },
              { title: t("apply.step.submit") },
            ]}
          />
        </nav>
      </Card>
      {body}
    </div>
  );
}
