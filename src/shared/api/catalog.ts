/** The service catalog (政务服务事项) on the wire: items with one version, history, differences, sheet. */
import { z } from "zod";
import { ZMaterial, ZReviewStep, ZServiceItemContent } from "../catalog";
import { ZAbilities, ZLocalDate } from "./common";

/** An item with one of its versions, as the public guide and the admin editor receive it. */
export const ZServiceItem = z
  .object({
    id: z.string(),
    code: z.string(),
    orgCode: z.string(),
    orgName: z.string(),
    active: z.boolean(),
    latestVersion: z.number(),
    versionId: z.string(),
    version: z.number(),
    effectiveFrom: ZLocalDate,
    changeNote: z.string(),
    inEffect: z.boolean().describe("This version is the one in effect today"),
    content: ZServiceItemContent,
    abilities: ZAbilities,
  })
  .meta({ id: "ServiceItem" });

/** One changed field: its dotted path and both values. */
export const ZFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

const listDiff = <T extends z.ZodType>(entry: T) =>
  z.object({
    added: z.array(entry),
    removed: z.array(entry),
    changed: z.array(z.object({ code: z.string(), name: z.string(), changes: z.array(ZFieldChange) })),
  });

/** Field-by-field differences between two versions (materials and review steps matched by code). */
export const ZItemVersionDiff = z.object({
  code: z.string(),
  from: z.object({ version: z.number(), effectiveFrom: ZLocalDate }),
  to: z.object({ version: z.number(), effectiveFrom: ZLocalDate }),
  fields: z.array(ZFieldChange),
  materials: listDiff(ZMaterial),
  reviewSteps: listDiff(ZReviewStep),
  same: z.boolean(),
});

/** The data of the one-time notification sheet (一次性告知单) of an item. */
export const ZNoticeSheet = z.object({
  issuedOn: ZLocalDate,
  org: z.object({ name: z.string(), address: z.string().optional(), phone: z.string().optional() }),
  item: z.object({
    code: z.string().optional(),
    name: z.string(),
    itemKind: z.string().optional(),
    kind: z.string().describe("即办件 / 承诺件"),
    legalBasis: z.string(),
    conditions: z.array(z.string()),
    statutoryLimit: z.string(),
    promisedLimit: z.string(),
    visits: z.number().optional(),
    online: z.boolean().optional(),
  }),
  materials: z.array(
    z.object({
      name: z.string(),
      required: z.boolean(),
      form: z.string(),
      copies: z.number(),
      deferrable: z.boolean(),
      source: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
  fees: z.object({ charged: z.boolean(), basis: z.string().optional(), standard: z.string().optional() }),
  place: z.string(),
  hours: z.string(),
  phones: z.object({ consult: z.string(), complaint: z.string() }),
  verification: z.object({ url: z.string(), queryCode: z.string().optional() }).optional(),
  version: z.number(),
});

/** A service item as the catalog list shows it. */
export const ZServiceItemSummary = z.object({
  id: z.string(),
  code: z.string(),
  catalogCode: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  handlingType: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  department: z.object({ code: z.string(), name: z.string() }).nullable(),
  statutoryLimitDays: z.number(),
  promisedLimitDays: z.number(),
  visitsRequired: z.number(),
  charged: z.boolean(),
  onlineAvailable: z.boolean(),
  lifeEvents: z.array(z.string()),
  handledByTownship: z.boolean(),
  version: z.number(),
  latestVersion: z.number(),
  effectiveFrom: z.string(),
  active: z.boolean(),
});

/** A page of the catalog, with what the caller may do. */
export const ZServiceItemList = z.object({
  items: z.array(ZServiceItemSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: ZAbilities,
});

/** A value of a catalog filter and how many items carry it. */
export const ZCatalogFacet = z.object({ code: z.string(), label: z.string(), count: z.number() });

export const ZCatalogFacets = z.object({
  departments: z.array(ZCatalogFacet),
  kinds: z.array(ZCatalogFacet),
  handlingTypes: z.array(ZCatalogFacet),
  lifeEvents: z.array(ZCatalogFacet),
  total: z.number(),
});

/** A version of a service item in its history. */
export const ZItemVersionEntry = z.object({
  versionId: z.string(),
  version: z.number(),
  effectiveFrom: z.string(),
  changeNote: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  inEffect: z.boolean(),
});

export const ZItemVersionList = z.object({
  code: z.string(),
  latestVersion: z.number(),
  items: z.array(ZItemVersionEntry),
  abilities: ZAbilities,
});

/** The answer to saving a service item: its id, code and new version. */
export const ZServiceItemSaved = z.object({ id: z.string(), code: z.string(), version: z.number() });
