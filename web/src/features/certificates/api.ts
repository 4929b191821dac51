import { useQuery } from "@tanstack/react-query";
import { type ApiBody, type ApiData, type ApiQuery, call, type Schemas, yz } from "../../api/client";

/** A certificate as the wallet and a case show it (the contract's `Certificate`). */
export type Certificate = Schemas["Certificate"];
export type CertificateField = Certificate["fields"][number];
/** The answer of public verification (verifyCertificate). */
export type Verification = ApiData<"/api/public/certificates/verify">;
export type VerificationResult = Verification["result"];

export const CERTS = ["certificates"] as const;

/** The caller's wallet (listWallet). */
export function useWallet() {
  return useQuery({
    queryKey: [...CERTS, "wallet"],
    queryFn: () => call(yz.GET("/api/wallet")),
  });
}

/** Certificates of one case (listCaseCertificates). */
export function useCaseCertificates(caseId: string) {
  return useQuery({
    queryKey: [...CERTS, "case", caseId],
    queryFn: () => call(yz.GET("/api/cases/{id}/certificates", { params: { path: { id: caseId } } })),
  });
}

/** Public verification by the QR link's query string (verifyCertificate). */
export function verifyByLink(search: string) {
  const query: ApiQuery<"/api/public/certificates/verify"> = {};
  const p = new URLSearchParams(search);
  for (const k of ["d", "id", "no"] as const) {
    const v = p.get(k);
    if (v !== null) query[k] = v;
  }
  return call(yz.GET("/api/public/certificates/verify", { params: { query } }));
}

/** Public verification of pasted JSON. */
export function verifyJson(doc: ApiBody<"/api/public/certificates/verify">) {
  return call(yz.POST("/api/public/certificates/verify", { body: doc }));
}

/** The page path of a certificate's verification link (same origin as this app). */
export function verifyPath(verifyUrl: string): string {
  const u = new URL(verifyUrl);
  return `/verify${u.search}`;
}
