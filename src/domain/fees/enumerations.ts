/** A fee assessment (收费单): open until paid, or void when the case closed without a result. */
export const ASSESSMENT_STATUSES = ["open", "paid", "void"] as const;

/** Payment channels: at the window (cash, POS, recorded by the clerk) or online through a gateway. */
export const PAYMENT_CHANNELS = ["cash", "pos", "online"] as const;
/** pending → paid → refunded; pending → failed. */
export const PAYMENT_STATUSES = ["pending", "paid", "failed", "refunded"] as const;
