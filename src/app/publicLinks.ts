/**
 * Absolute links to the public pages, built on the deployment's public address
 * (`ctx.config.publicUrl`, from `YIZHAN_PUBLIC_URL`): what documents and messages print, so that a
 * link works outside the server (a bare `/progress?…` path does not).
 */

/**
 * The public progress page of a case, opened directly with its number and 查询码 (阳光下工作: anyone
 * holding the notice can follow the case without an account).
 */
export function progressUrl(publicUrl: string, caseNumber: string, queryCode: string): string {
  const q = new URLSearchParams({ number: caseNumber, code: queryCode });
  return `${publicUrl}/progress?${q.toString()}`;
}

/**
 * The transparency log's proof page of an entry (`/transparency?leaf=<index>`), or the log's page when
 * the entry has no leaf yet (docs/transparency.md).
 */
export function transparencyUrl(publicUrl: string, leafIndex?: number): string {
  return leafIndex === undefined
    ? `${publicUrl}/transparency`
    : `${publicUrl}/transparency?leaf=${leafIndex}`;
}
