import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

export type CertificateField = { name: string; value: string };
export type Certificate = {
  id: string;
  name: string;
  number: string;
  issuerName: string;
  issuedOn: string;
  holderName: string;
  holderCode: string;
  validUntil: string | null;
  status: "valid" | "revoked" | "expired";
  caseId: string;
  caseNumber: string;
  itemName: string;
  fields: CertificateField[];
  keyId: string;
  algorithm: string;
  revocationReason: string | null;
  verifyUrl: string;
  abilities: Record<string, boolean>;
};
export type VerificationResult = "valid" | "revoked" | "expired" | "unknown" | "tampered";
export type Verification = {
  result: VerificationResult;
  certificate?: {
    name: string;
    number: string;
    issuerName: string;
    issuedOn: string;
    holderName: string;
    holderCode: string;
    validUntil: string | null;
    revocationReason: string | null;
    keyId: string;
    algorithm: string;
  };
};

export const CERTS = ["certificates"] as const;

/** The caller's wallet (listWallet). */
export function useWallet() {
  return useQuery({
    queryKey: [...CERTS, "wallet"],
    queryFn: () => api<{ items: Certificate[] }>("/api/wallet"),
  });
}

/** Certificates of one case (listCaseCertificates). */
export function useCaseCertificates(caseId: string) {
  return useQuery({
    queryKey: [...CERTS, "case", caseId],
    queryFn: () => api<{ items: Certificate[] }>(`/api/cases/${caseId}/certificates`),
  });
}

/** Public verification by the QR link's query string (verifyCertificate). */
export function verifyByLink(search: string) {
  return api<Verification>(`/api/public/certificates/verify?${search}`);
}

/** Public verification of pasted JSON. */
export function verifyJson(doc: unknown) {
  return api<Verification>("/api/public/certificates/verify", { method: "POST", body: doc });
}

/** The page path of a certificate's verification link (same origin as this app). */
export function verifyPath(verifyUrl: string): string {
  const u = new URL(verifyUrl);
  return `/verify${u.search}`;
}
