import type { MessageKey } from "../../i18n/translate";

/** The i18n key of an item kind (事项类型), or undefined for an unknown code. */
export function kindKey(kind: string): MessageKey {
  return `enum.kind.${kind}` as MessageKey;
}

/** The i18n key of a handling type (即办件 / 承诺件). */
export function handlingKey(type: string): MessageKey {
  return `enum.handling.${type}` as MessageKey;
}

/** The i18n key of a review mode (并联 / 串联). */
export function modeKey(mode: string): MessageKey {
  return `enum.mode.${mode}` as MessageKey;
}

/** Yuan from integer fen, without trailing zeros: 55000 → "550". */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
