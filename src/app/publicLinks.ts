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
