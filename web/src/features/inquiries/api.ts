import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TInquiry, TInquiryList, TItemFaq, TPublicInquiry } from "../../../../src/shared/api/inquiries";
import { api } from "../../api/client";
import type { ItemSummary } from "../guide/api";

export type Inquiry = TInquiry;
export type InquiryList = TInquiryList;
export type PublicInquiry = TPublicInquiry;
export type ItemFaq = TItemFaq;
export type Channel = Inquiry["channel"];
export type Created = { id: string; queryCode: string; status: string; inquiry: Inquiry | null };

export type DeskFilters = {
  status?: string;
  channel?: string;
  owner?: string;
  itemCode?: string;
  from?: string;
  to?: string;
};

const DESK = ["inquiries", "desk"] as const;

/** The desk's list with counts (GET /api/inquiries). */
export function useInquiries(f: DeskFilters) {
  const qs = new URLSearchParams(
    Object.entries(f).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  return useQuery({
    queryKey: [...DESK, qs.toString()],
    queryFn: () => api<InquiryList>(`/api/inquiries?${qs}`),
    placeholderData: keepPreviousData,
  });
}

/** Colleagues an inquiry may be handed to. */
export function useColleagues(id: string | undefined) {
  return useQuery({
    queryKey: ["inquiries", "colleagues", id],
    queryFn: () =>
      api<{ items: { id: string; name: string; orgName: string }[] }>(`/api/inquiries/${id}/colleagues`),
    enabled: Boolean(id),
  });
}

/** Every item of the catalog, for pickers. */
export function useItems() {
  return useQuery({
    queryKey: ["catalog", "items", "all"],
    queryFn: () => api<{ items: ItemSummary[] }>("/api/catalog/items?pageSize=100").then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** Record a question (staff) or ask online (the public). */
export function useCreateInquiry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Created>("/api/inquiries", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: DESK }),
  });
}

/** claim / answer / handover / faq on one inquiry. */
export function useInquiryAction(action: "claim" | "answer" | "handover" | "faq") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api<Inquiry>(`/api/inquiries/${id}/${action}`, { method: "POST", body }),
    onSettled: () => qc.invalidateQueries({ queryKey: DESK }),
  });
}

/** The public answer page by query code; runs only with a code. */
export function usePublicInquiry(code: string) {
  return useQuery({
    queryKey: ["public-inquiry", code],
    queryFn: () => api<PublicInquiry>(`/api/public/inquiries/${encodeURIComponent(code)}`),
    enabled: Boolean(code),
    retry: false,
  });
}

/** The FAQ of an item's guide. */
export function useItemFaqs(code: string | undefined) {
  return useQuery({
    queryKey: ["faqs", code],
    queryFn: () => api<{ items: ItemFaq[] }>(`/api/catalog/items/${code}/faqs`).then((r) => r.items),
    enabled: Boolean(code),
  });
}

/** Office-hours minutes as "45 分钟" / "3 小时 5 分钟". */
export function formatMinutes(n: number, it: (k: "minutes" | "hours", v: Record<string, number>) => string) {
  if (n < 60) return it("minutes", { n });
  return it("hours", { h: Math.floor(n / 60), m: n % 60 });
}
