import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { apiPath, call, yz } from "../../api/client";
import { zhCell } from "../../components/ZhText";
import { useCertTexts, yuan } from "../certificates/texts";
import { type CaseFees, feesKey, newIdempotencyKey, type Payment, useCaseFees } from "./api";

/**
 * The fee panel of a case (收费单 and 缴费): assess (clerk, approver), pay at the window in cash or by
 * POS (clerk), pay online through the gateway (applicant), refund with a reason, download receipts.
 * Shown when fees exist, or when the item charges fees and the caller may assess them.
 */
export function FeePanel({ caseId }: { caseId: string }) {
  const { t, locale } = useCertTexts();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useCaseFees(caseId);
  const [busy, setBusy] = useState<string | null>(null);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [reason, setReason] = useState("");
  const fees: CaseFees | undefined = q.data;
  // An item without a fee schedule has nothing to assess (行政许可法 Art. 58): no panel unless fees exist.
  if (!fees || (fees.assessments.length === 0 && (!fees.abilities.assess || !fees.required))) return null;
  const current = fees.assessments.find((a) => a.status !== "void");

  async function run(key: string, f: () => Promise<unknown>) {
    setBusy(key);
    try {
      await f();
      await qc.invalidateQueries({ queryKey: feesKey(caseId) });
      await qc.invalidateQueries({ queryKey: ["cases"] });
    } catch (e) {
      message.error(e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : String(e));
    } finally {
      setBusy(null);
    }
  }
  const assess = () =>
    run("assess", () =>
      call(yz.POST("/api/cases/{id}/fees/assessments", { params: { path: { id: caseId } }, body: {} })),
    );
  const payWindow = (channel: "cash" | "pos") =>
    run(channel, () =>
      call(
        yz.POST("/api/cases/{id}/fees/window-payments", {
          params: { path: { id: caseId } },
          body: { assessmentId: current?.id ?? "", channel, idempotencyKey: newIdempotencyKey() },
        }),
      ),
    );
  const payOnline = () =>
    run("online", async () => {
      const p = await call(
        yz.POST("/api/cases/{id}/fees/online-payments", {
          params: { path: { id: caseId } },
          body: { assessmentId: current?.id ?? "", idempotencyKey: newIdempotencyKey() },
        }),
      );
      navigate(`${p.payUrl}&return=${encodeURIComponent(`/cases/${caseId}`)}`);
    });
  const refund = () =>
    run("refund", async () => {
      await call(
        yz.POST("/api/payments/{id}/refund", {
          params: { path: { id: refunding?.id ?? "" } },
          body: { reason },
        }),
      );
      setRefunding(null);
      setReason("");
    });

  const open = current?.status === "open";
  return (
    <Card
      title={t("fees.title")}
      data-testid="fee-panel"
      extra={
        current && (
          <Tag color={fees.settled ? "green" : "orange"} data-testid="fees-state">
            {fees.settled ? t("fees.settled") : t("fees.unpaid")}
          </Tag>
        )
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        {!current && <Typography.Text type="secondary">{t("fees.none")}</Typography.Text>}
        {current && (
          <Table
            size="small"
            pagination={false}
            rowKey="code"
            data-testid="fee-lines"
            dataSource={current.lines}
            columns={[
              { title: t("fees.item"), dataIndex: "name", render: zhCell },
              { title: t("fees.basis"), dataIndex: "basis" },
              { title: t("fees.quantity"), dataIndex: "quantity", align: "right" },
              { title: t("fees.exempt"), dataIndex: "exemptionName", render: (v: string | null) => v ?? "—" },
              {
                title: t("fees.amount"),
                dataIndex: "amountFen",
                align: "right",
                render: (v: number) => yuan(v),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  {t("fees.total")}（{current.number}）
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong data-testid="fees-total">¥{yuan(current.totalFen)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        )}
        <Space wrap>
          {fees.abilities.assess && (
            <Button onClick={assess} loading={busy === "assess"} data-testid="fees-assess">
              {current ? t("fees.reassess") : t("fees.assess")}
            </Button>
          )}
          {open && fees.abilities.recordWindowPayment && (
            <>
              <Button onClick={() => payWindow("cash")} loading={busy === "cash"} data-testid="fees-pay-cash">
                {t("fees.payCash")}
              </Button>
              <Button onClick={() => payWindow("pos")} loading={busy === "pos"} data-testid="fees-pay-pos">
                {t("fees.payPos")}
              </Button>
            </>
          )}
          {open && fees.abilities.payOnline && (
            <Button
              type="primary"
              onClick={payOnline}
              loading={busy === "online"}
              data-testid="fees-pay-online"
            >
              {t("fees.payOnline")}
            </Button>
          )}
        </Space>
        {fees.payments.length > 0 && (
          <Descriptions size="small" column={1} title={t("fees.payments")} bordered>
            {fees.payments.map((p) => (
              <Descriptions.Item key={p.id} label={`${t(`fees.channel.${p.channel}`)} ¥${yuan(p.amountFen)}`}>
                <Space wrap data-testid="payment-row" data-status={p.status}>
                  <Tag color={p.status === "paid" ? "green" : p.status === "refunded" ? "default" : "orange"}>
                    {t(`fees.status.${p.status}`)}
                  </Tag>
                  {p.receiptNumber && (
                    <a
                      href={apiPath("/api/payments/{id}/receipt", { id: p.id })}
                      target="_blank"
                      rel="noreferrer"
                      data-testid="payment-receipt"
                    >
                      {t("fees.receipt")} {p.receiptNumber}
                    </a>
                  )}
                  {p.refund && <Typography.Text type="secondary">{p.refund.reason}</Typography.Text>}
                  {p.status === "paid" && fees.abilities.refund && (
                    <Button size="small" danger onClick={() => setRefunding(p)} data-testid="payment-refund">
                      {t("fees.refund")}
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Space>
      <Modal
        open={refunding !== null}
        title={t("fees.refund")}
        onOk={refund}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: busy === "refund" }}
        onCancel={() => setRefunding(null)}
        okText={t("ok")}
        cancelText={t("cancel")}
      >
        <Input.TextArea
          rows={3}
          placeholder={t("fees.refundReason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="refund-reason"
        />
      </Modal>
    </Card>
  );
}
