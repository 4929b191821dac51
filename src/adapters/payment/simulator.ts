import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "../signing/canonicalJson";
import type { PaymentGateway, PaymentNotification } from "./gateway";

/** The simulator's shared secret (`$YIZHAN_PAYMENT_SIM_SECRET`; a fixed development value otherwise). */
export function simulatorSecret(env: NodeJS.ProcessEnv = process.env): string {
  return env.YIZHAN_PAYMENT_SIM_SECRET || "yizhan-payment-simulator-dev-secret";
}

/** HMAC-SHA256 (hex) over the canonical JSON of a callback without its `signature`. */
export function signCallback(
  body: Omit<PaymentNotification, "provider"> & Record<string, unknown>,
  secret = simulatorSecret(),
) {
  const { signature: _drop, ...rest } = body as Record<string, unknown>;
  const mac = createHmac("sha256", secret).update(canonicalJson(rest)).digest("hex");
  return { ...rest, signature: mac };
}

/**
 * A local payment gateway: orders are paid on the simulator page (`/pay/simulator?order=…`), which
 * posts an HMAC-signed callback exactly like a real provider would. Tests build callbacks with
 * {@link signCallback} and replay or reorder them at will.
 */
export class SimulatorGateway implements PaymentGateway {
  readonly name = "simulator";
  constructor(private readonly secret = simulatorSecret()) {}

  async createOrder(o: { orderId: string; amountFen: number; subject: string }) {
    const q = new URLSearchParams({ order: o.orderId, amount: String(o.amountFen), subject: o.subject });
    return { payUrl: `/pay/simulator?${q.toString()}` };
  }

  /** A signed success (or failure) callback for an order, as the simulator page sends it. */
  callbackFor(orderId: string, amountFen: number, status: "SUCCESS" | "FAILED" = "SUCCESS", at = new Date()) {
    return signCallback(
      {
        orderId,
        transactionId: `SIM${at.getTime()}${randomUUID().slice(0, 8)}`,
        status,
        amountFen,
        paidAt: at.toISOString(),
      },
      this.secret,
    );
  }

  parseCallback(body: unknown): PaymentNotification | null {
    if (!body || typeof body !== "object") return null;
    const b = body as Record<string, unknown>;
    if (typeof b.signature !== "string") return null;
    const { signature, ...rest } = b;
    const expected = createHmac("sha256", this.secret).update(canonicalJson(rest)).digest();
    const given = Buffer.from(signature, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (
      typeof b.orderId !== "string" ||
      typeof b.transactionId !== "string" ||
      (b.status !== "SUCCESS" && b.status !== "FAILED") ||
      typeof b.amountFen !== "number" ||
      typeof b.paidAt !== "string"
    )
      return null;
    return {
      provider: this.name,
      orderId: b.orderId,
      transactionId: b.transactionId,
      status: b.status,
      amountFen: b.amountFen,
      paidAt: b.paidAt,
    };
  }

  async refund() {
    return { refundId: `SIMR${Date.now()}${randomUUID().slice(0, 8)}` };
  }
}

let gateway: PaymentGateway = new SimulatorGateway();
/** The online payment gateway of this process (the simulator unless a real one is installed). */
export function paymentGateway(): PaymentGateway {
  return gateway;
}
/** Installs another gateway (a real provider, or a test double). */
export function setPaymentGateway(g: PaymentGateway): void {
  gateway = g;
}
