import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Space } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { simulatorCall } from "../../api/client";
import { useCertTexts, yuan } from "../certificates/texts";

/**
 * `/pay/simulator`: the local payment-gateway simulator (demo mode only; signed in as the case's payer):
 * pay or fail an order. Outside demo mode the API answers 404 and the page says so.
 */
export default function SimulatorPage() {
  const { t, locale } = useCertTexts();
  const { message } = App.useApp();
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
    retry: false,
  });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = (e: unknown) => (e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : String(e));
  const pay = async (o: "SUCCESS" | "FAILED") => {
    setBusy(true);
    try {
      const r = await simulatorCall<{ outcome: string }>(
        `/api/payment-simulator/orders/${encodeURIComponent(order)}/pay`,
        { outcome: o },
      );
      setOutcome(r.outcome);
    } catch (e) {
      message.error(errorText(e));
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
  if (!order || q.error) {
    const missing = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status="warning"
        title={order ? errorText(q.error) : t("sim.noOrder")}
        subTitle={missing ? t("sim.unavailable") : undefined}
        data-testid="simulator-error"
        extra={<Link to={back}>{t("sim.back")}</Link>}
      />
    );
  }
  return (
    <Card title={t("sim.title")} style={{ maxWidth: 560, margin: "32px auto" }} data-testid="page-simulator">
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Alert type="warning" showIcon title={t("sim.hint")} />
        {q.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
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
