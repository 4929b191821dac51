import { Alert, App, Button, Card, Popconfirm, Space } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { isVersionConflict, useCaseCommand } from "../cases/api";
import { materialStatusKey } from "../cases/labels";
import type { CaseDetail } from "../cases/types";
import { MaterialUploads } from "./MaterialUploads";

/** 待补正: the one-time correction notice's items, uploads for them, and resubmit. */
export function CorrectionPanel({ caseData }: { caseData: CaseDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const resubmit = useCaseCommand(caseData.id);
  const problems = caseData.materials.filter((m) => m.status === "missing" || m.status === "defective");
  const run = async () => {
    try {
      await resubmit.mutateAsync({ command: "resubmit", version: caseData.version, body: {} });
      void message.success(t("portal.resubmitted"));
      navigate(`/cases/${caseData.id}`);
    } catch {
      /* shown below */
    }
  };
  const err = resubmit.error as Error | null;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="correction-panel">
      <Alert
        type="warning"
        showIcon
        title={t("portal.correctionTitle", { number: caseData.number })}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="correction-items">
            {problems.map((m) => (
              <li key={m.code}>
                {m.name}：{t(materialStatusKey(m.status))}
                {m.note ? `（${m.note}）` : ""}
              </li>
            ))}
          </ul>
        }
      />
      <Card title={t("portal.correctionUploads")}>
        <MaterialUploads caseData={caseData} codes={problems.map((m) => m.code)} />
      </Card>
      {err && !isVersionConflict(err) && (
        <Alert type="error" showIcon title={err instanceof ApiError ? err.messageIn(locale) : err.message} />
      )}
      <Space>
        {caseData.abilities.resubmit && (
          <Popconfirm
            title={t("action.resubmit.confirm")}
            okText={t("action.confirm")}
            cancelText={t("action.cancel")}
            onConfirm={run}
          >
            <Button type="primary" loading={resubmit.isPending} data-testid="resubmit">
              {t("action.resubmit")}
            </Button>
          </Popconfirm>
        )}
        <Link to={`/cases/${caseData.id}`}>{t("portal.viewCase")}</Link>
      </Space>
    </Space>
  );
}
