/**
 * A free-text clause (a clerk's reason, a catalog note) without its closing punctuation, to be put
 * inside a sentence of a document or message: "因{clause}，不能…", "理由：{clause}。" — never "。。"
 * or "。，" when the person typed the full stop themselves.
 */
export function clause(text: string): string {
  return text.trim().replace(/[。，；：、,.;:！!？?\s]+$/u, "");
}
