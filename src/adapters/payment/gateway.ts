/** A callback from a payment provider, after its signature has been checked. */
export type PaymentNotification = {
  provider: string;
  /** Our payment id (the merchant order number sent at creation). */
  orderId: string;
  /** The provider's transaction id (unique per provider). */
  transactionId: string;
  status: "SUCCESS" | "FAILED";
  amountFen: number;
  /** When the provider says the payment happened (ISO instant). */
  paidAt: string;
};

/**
 * An online payment provider behind a small interface: the local simulator in tests and demos, a real
 * provider (UnionPay, a bank, the provincial non-tax payment platform) in production.
 */
export interface PaymentGateway {
  readonly name: string;
  /** Creates an order and returns where the payer goes to pay. */
  createOrder(o: { orderId: string; amountFen: number; subject: string }): Promise<{ payUrl: string }>;
  /** Checks the callback's signature and shape; null when it is not authentic. */
  parseCallback(body: unknown): PaymentNotification | null;
  /** Refunds a paid transaction in full. */
  refund(o: {
    orderId: string;
    transactionId: string;
    amountFen: number;
    reason: string;
  }): Promise<{ refundId: string }>;
}
