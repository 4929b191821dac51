import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Result, Space } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { simulatorCall } from "../../api/client";
import { useCertTexts, yuan } from "../certificates/texts";

/** `/pay/simulator`: the local payment-gateway simulator (demo and tests): pay or fail an order. */
export default function SimulatorPage() {
  const { t } = useCertTexts();
  const [params] = useSearchParams();
  const order = params.get("order") ?? "";
  const back = params.get("return") ?? "/portal";
  const q = useQuery({
    queryKey: ["simulator", order],
    queryFn: () =>
      simulatorCall<{ orderId: string; amountFen: number; status: string }>(
        `/api/payment-simulator/orders/${encodeURIComponent(order)}`,
      ),
    enabled: Boolean(order),
  });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pay = async (o: "SUCCESS" | "FAILED") => {
    setBusy(true);
    try {
      const r = await simulatorCall<{ outcome: string }>(
        `/api/payment-simulator/orders/${encodeURIComponent(order)}/pay`,
        { outcome: o },
      );
      setOutcome(r.outcome);
    } finally {
      setBusy(false);
    }
  };
  if (outcome === "paid")
    return (
      <Result
        status="success"
        title={t("sim.paid")}
        data-testid="simulator-paid"
        extra={
          <Link to={back} data-testid="simulator-back">
            {t("sim.back")}
          </Link>
        }
      />
    );
  return (
    <Card title={t("sim.title")} style={{ maxWidth: 560, margin: "32px auto" }} data-testid="page-simulator">
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Alert type="warning" showIcon title={t("sim.hint")} />
        {q.data && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t("sim.order")}>{q.data.orderId}</Descriptions.Item>
            <Descriptions.Item label={t("sim.amount")}>
              <strong data-testid="simulator-amount">¥{yuan(q.data.amountFen)}</strong>
            </Descriptions.Item>
          </Descriptions>
        )}
        {outcome && <Alert type="error" title={outcome} />}
        <Space>
          <Button
            type="primary"
            onClick={() => pay("SUCCESS")}
            loading={busy}
            disabled={!q.data}
            data-testid="simulator-pay"
          >
            {t("sim.pay")}
          </Button>
          <Button onClick={() => pay("FAILED")} disabled={!q.data || busy}>
            {t("sim.fail")}
          </Button>
          <Link to={back}>{t("sim.back")}</Link>
        </Space>
      </Space>
    </Card>
  );
}
