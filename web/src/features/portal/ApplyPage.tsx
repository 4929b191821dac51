import { Button, Card, Result, Skeleton } from "antd";
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
  return <div data-testid="page-apply">{body}</div>;
}
