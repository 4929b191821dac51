import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiBody, type ApiData, type ApiQuery, call, yz } from "../../api/client";

// Every type here is the contract's (src/shared/api/schema.ts): no hand-written copies.
export type InquiryList = ApiData<"/api/inquiries">;
export type Inquiry = ApiData<"/api/inquiries/{id}">;
export type PublicInquiry = ApiData<"/api/public/inquiries/{code}">;
export type ItemFaq = ApiData<"/api/catalog/items/{code}/faqs">["items"][number];
export type Channel = Inquiry["channel"];
export type Created = ApiData<"/api/inquiries", "post">;

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
  // The filters as the page's controls hold them; a value the contract does not know gets the 422.
  const query = Object.fromEntries(
    Object.entries(f).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  ) as ApiQuery<"/api/inquiries">;
  return useQuery({
    queryKey: [...DESK, query],
    queryFn: () => call(yz.GET("/api/inquiries", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Colleagues an inquiry may be handed to. */
export function useColleagues(id: string | undefined) {
  return useQuery({
    queryKey: ["inquiries", "colleagues", id],
    queryFn: () => call(yz.GET("/api/inquiries/{id}/colleagues", { params: { path: { id: id ?? "" } } })),
    enabled: Boolean(id),
  });
}

/** Every item of the catalog, for pickers. */
export function useItems() {
  return useQuery({
    queryKey: ["catalog", "items", "all"],
    queryFn: () =>
      call(yz.GET("/api/catalog/items", { params: { query: { pageSize: 100 } } })).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** Record a question (staff) or ask online (the public). */
export function useCreateInquiry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<"/api/inquiries">) => call(yz.POST("/api/inquiries", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: DESK }),
  });
}

/** The actions on one inquiry and the path of the contract each is posted to. */
const INQUIRY_ACTIONS = {
  claim: "/api/inquiries/{id}/claim",
  answer: "/api/inquiries/{id}/answer",
  handover: "/api/inquiries/{id}/handover",
  faq: "/api/inquiries/{id}/faq",
} as const;
type InquiryAction = keyof typeof INQUIRY_ACTIONS;

/** claim / answer / handover / faq on one inquiry. */
export function useInquiryAction<A extends InquiryAction>(action: A) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApiBody<(typeof INQUIRY_ACTIONS)[A]> }) => {
      // `body` is typed as the path's body above; TypeScript cannot tie them once the path is a union.
      const path: (typeof INQUIRY_ACTIONS)[InquiryAction] = INQUIRY_ACTIONS[action];
      return call(yz.POST(path, { params: { path: { id } }, body: body as never }));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: DESK }),
  });
}

/** The public answer page by query code; runs only with a code. */
export function usePublicInquiry(code: string) {
  return useQuery({
    queryKey: ["public-inquiry", code],
    queryFn: () => call(yz.GET("/api/public/inquiries/{code}", { params: { path: { code } } })),
    enabled: Boolean(code),
    retry: false,
  });
}

/** The FAQ of an item's guide. */
export function useItemFaqs(code: string | undefined) {
  return useQuery({
    queryKey: ["faqs", code],
    queryFn: () =>
      call(yz.GET("/api/catalog/items/{code}/faqs", { params: { path: { code: code ?? "" } } })).then(
        (r) => r.items,
      ),
    enabled: Boolean(code),
  });
}

/** Office-hours minutes as "45 分钟" / "3 小时 5 分钟". */
export function formatMinutes(n: number, it: (k: "minutes" | "hours", v: Record<string, number>) => string) {
  if (n < 60) return it("minutes", { n });
  return it("hours", { h: Math.floor(n / 60), m: n % 60 });
}
