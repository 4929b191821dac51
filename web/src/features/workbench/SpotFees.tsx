import { Alert, Space } from "antd";
import { useI18n } from "../../i18n/useT";
import { useCaseFees } from "../fees/api";
import { FeePanel } from "../fees/FeePanel";

/**
 * 即办件 with fees, in the 当场办结 dialog: when the item charges fees, the clerk assesses them and takes
 * the payment at the window (cash or POS, receipt) right here; finishing waits until they are settled
 * (the server refuses it otherwise: 422 `fees_unpaid`).
 */
export function SpotFees({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const fees = useCaseFees(caseId);
  if (!fees.data) return <Alert type="info" title={t("spot.feesLoading")} style={{ marginBottom: 12 }} />;
  if (!fees.data.required) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%", marginBottom: 12 }} data-testid="spot-fees">
      <Alert
        type={fees.data.settled ? "success" : "warning"}
        showIcon
        data-testid="spot-fees-state"
        data-settled={fees.data.settled}
        title={t(fees.data.settled ? "spot.feesSettled" : "spot.feesRequired")}
      />
      <FeePanel caseId={caseId} />
    </Space>
  );
}
