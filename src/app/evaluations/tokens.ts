import { createHash, randomBytes } from "node:crypto";

/** The kinds of single-use token: `e` the signed link of an e-mail or SMS, `t` a window tablet session. */
export type TokenKind = "e" | "t";

/** A new random token (`e_…` or `t_…`, 192 bits, base64url); only its hash is stored. */
export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(24).toString("base64url")}`;
}

/** The stored form of a token: SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The kind of a token as written (null when `ref` is not shaped like one). */
export function tokenKind(ref: string): TokenKind | null {
  const m = /^([et])_[A-Za-z0-9_-]{32}$/.exec(ref);
  return m ? (m[1] as TokenKind) : null;
}

/** The page of the signed link (public, no login), as a path of the web application. */
export const evaluationLinkPath = (token: string) => `/evaluate/${token}`;
/** The window tablet page (public, locked to the rating form). */
export const tabletPath = (token: string) => `/tablet/${token}`;
