import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { SimulatorGateway } from "../../adapters/payment/simulator";
import type { AppContext } from "../../app/context";
import { assessFees } from "../../app/fees/assess";
import {
  handlePaymentCallback,
  recordWindowPayment,
  refundPayment,
  startOnlinePayment,
} from "../../app/fees/payments";
import { getCaseFees, paymentReceiptPdf, simulatorOrder } from "../../app/fees/queries";
import { ZCallbackOutcome, ZCaseFees, ZPayment, ZSimulatorOrder } from "../../shared/api/fees";
import {
  ZAssessFees,
  ZFeeCaseIdParams,
  ZOnlinePayment,
  ZPaymentCallbackBody,
  ZRefund,
  ZSimulatePaymentBody,
  ZWindowPayment,
} from "../../shared/api/requests/fees";
import { binaryResponse } from "../openapi";
import { requireActor } from "../plugins/auth";

const tags = ["fees"];

/** Fees and payments: 收费单, window and online payment, gateway callback, refunds, receipts. */
export async function feeRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/cases/:id/fees",
    {
      schema: {
        operationId: "getCaseFees",
        tags,
        summary: "A case's assessments, payments and refunds",
        params: ZFeeCaseIdParams,
        response: { 200: ZCaseFees },
        problems: [403],
      },
    },
    async (req) => getCaseFees(ctx, requireActor(req), req.params.id),
  );

  r.post(
    "/api/cases/:id/fees/assessments",
    {
      schema: {
        operationId: "assessFees",
        tags,
        summary: "Assess the case's fees (收费单) from the item's fee schedule",
        params: ZFeeCaseIdParams,
        body: ZAssessFees,
        response: { 201: ZCaseFees },
        problems: [409],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await assessFees(ctx, actor, req.params.id, req.body);
      return reply.code(201).send(await getCaseFees(ctx, actor, req.params.id));
    },
  );

  r.post(
    "/api/cases/:id/fees/window-payments",
    {
      schema: {
        operationId: "recordWindowPayment",
        tags,
        summary: "Record a payment at the window (cash or POS); idempotent by key",
        params: ZFeeCaseIdParams,
        body: ZWindowPayment,
        response: { 201: ZPayment },
        problems: [409],
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordWindowPayment(ctx, requireActor(req), req.params.id, req.body)),
  );

  r.post(
    "/api/cases/:id/fees/online-payments",
    {
      schema: {
        operationId: "startOnlinePayment",
        tags,
        summary: "Start an online payment; returns the gateway's payUrl",
        params: ZFeeCaseIdParams,
        body: ZOnlinePayment,
        response: { 201: ZPayment },
        problems: [409],
      },
    },
    async (req, reply) =>
      reply.code(201).send(await startOnlinePayment(ctx, requireActor(req), req.params.id, req.body)),
  );

  r.post(
    "/api/payments/callback",
    {
      config: { access: "public", csrf: false, rateLimit: { max: 600, timeWindow: "1 minute" } },
      schema: {
        operationId: "paymentCallback",
        tags,
        summary: "Signed callback from the payment gateway (idempotent)",
        body: ZPaymentCallbackBody,
        response: { 200: ZCallbackOutcome },
        problems: [401],
      },
    },
    async (req) => handlePaymentCallback(ctx, req.body),
  );

  r.post(
    "/api/payments/:id/refund",
    {
      schema: {
        operationId: "refundPayment",
        tags,
        summary: "Refund a paid payment in full, with a reason",
        params: ZFeeCaseIdParams,
        body: ZRefund,
        response: { 200: ZPayment },
        problems: [409],
      },
    },
    async (req) => refundPayment(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/payments/:id/receipt",
    {
      schema: {
        operationId: "downloadPaymentReceipt",
        tags,
        summary: "缴费凭证 as PDF",
        params: ZFeeCaseIdParams,
        response: { 200: binaryResponse("The receipt as PDF", "application/pdf") },
        problems: [403, 409],
      },
    },
    async (req, reply) => {
      const doc = await paymentReceiptPdf(ctx, requireActor(req), req.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .send(doc.bytes);
    },
  );

  // The local payment-gateway simulator (demo mode only): the page /pay/simulator shows the order and
  // "pays" it, which sends a signed callback through the same path a real provider's would take. Outside
  // demo mode the routes do not exist (404, not in the OpenAPI document); in demo mode they need a session
  // (and CSRF on the write) like every other route, and only the case's payer may use them.
  if (!ctx.config.demo) return;
  r.get(
    "/api/payment-simulator/orders/:id",
    {
      schema: {
        operationId: "getSimulatorOrder",
        tags: ["simulator"],
        summary: "An online payment order as the gateway simulator shows it (demo and tests only)",
        params: ZFeeCaseIdParams,
        response: { 200: ZSimulatorOrder },
        problems: [403],
      },
    },
    async (req) => {
      const p = await simulatorOrder(ctx, requireActor(req), req.params.id);
      return { orderId: p.id, amountFen: p.amountFen, status: p.status };
    },
  );
  r.post(
    "/api/payment-simulator/orders/:id/pay",
    {
      schema: {
        operationId: "simulatePayment",
        tags: ["simulator"],
        summary: "Pay (or fail) an order in the simulator: sends the signed callback (demo and tests only)",
        params: ZFeeCaseIdParams,
        body: ZSimulatePaymentBody,
        response: { 200: ZCallbackOutcome },
        problems: [403],
      },
    },
    async (req) => {
      const p = await simulatorOrder(ctx, requireActor(req), req.params.id);
      const body = new SimulatorGateway().callbackFor(p.id, p.amountFen, req.body.outcome, ctx.clock.now());
      return handlePaymentCallback(ctx, body);
    },
  );
}
