import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { catalogFacets } from "../../app/catalog/catalogFacets";
import { getServiceItem, listItemVersions } from "../../app/catalog/getServiceItem";
import { listServiceItems } from "../../app/catalog/listServiceItems";
import { localDate } from "../../app/catalog/localDate";
import { oneTimeNoticeSheetData, oneTimeNoticeSheetPdf } from "../../app/catalog/oneTimeNoticeSheet";
import { createServiceItem, updateServiceItem } from "../../app/catalog/saveServiceItem";
import type { AppContext } from "../../app/context";
import { authorize, can } from "../../app/policies";
import {
  presentServiceItem,
  presentVersionEntry,
  serviceItemAbilities,
} from "../../app/presenters/serviceItem";
import { diffItemVersions } from "../../domain/catalog/diffItemVersions";
import {
  ZCatalogFacets,
  ZItemVersionDiff,
  ZItemVersionList,
  ZNoticeSheet,
  ZServiceItem,
  ZServiceItemList,
  ZServiceItemSaved,
} from "../../shared/api/catalog";
import {
  ZCodeParam,
  ZCompareItemVersionsQuery,
  ZCreateServiceItem,
  ZGetOneTimeNoticeSheetQuery,
  ZListServiceItems,
  ZUpdateServiceItem,
  ZVersionQuery,
} from "../../shared/api/requests/catalog";
import { binaryMedia } from "../openapi";
import { requireActor } from "../plugins/auth";

/** Public reads are cheap but not free: a generous per-IP limit. */
const PUBLIC_RATE = { access: "public", rateLimit: { max: 600, timeWindow: "1 minute" } } as const;
/** The same, for reads a session adds abilities to. */
const OPTIONAL_RATE = { ...PUBLIC_RATE, access: "optional" } as const;

/** The service catalog: the public guide (list, item, history, one-time notice sheet) and its administration. */
export async function catalogRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => localDate(ctx.clock.now());
  const db = () => ctx.database.db;

  r.get(
    "/api/catalog/items",
    {
      config: OPTIONAL_RATE,
      schema: {
        operationId: "listServiceItems",
        tags: ["catalog"],
        summary:
          "Service items (public): filter by organization, department, kind, life event, handling type; Chinese search",
        querystring: ZListServiceItems,
        response: {
          200: ZServiceItemList,
        },
      },
    },
    async (req) => ({
      ...(await listServiceItems(db(), req.query, today())),
      abilities: { create: req.actor ? can(req.actor, "manageCatalog", "global", null) : false },
    }),
  );

  r.get(
    "/api/catalog/facets",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "listCatalogFacets",
        tags: ["catalog"],
        summary:
          "What the guide browses by: departments, kinds, handling types, life events, with counts (public)",
        response: {
          200: ZCatalogFacets,
        },
      },
    },
    async () => catalogFacets(db(), today()),
  );

  r.get(
    "/api/catalog/items/:code",
    {
      config: OPTIONAL_RATE,
      schema: {
        operationId: "getServiceItem",
        tags: ["catalog"],
        summary:
          "An item's guide (public): the version in effect today, `?version=N`, or the one in effect `?on=YYYY-MM-DD`",
        params: ZCodeParam,
        querystring: ZVersionQuery,
        response: { 200: ZServiceItem },
      },
    },
    async (req) => {
      const { item, version } = await getServiceItem(db(), req.params.code, req.query, today());
      const current = req.query.version === undefined && req.query.on === undefined;
      const inEffect =
        current || (await getServiceItem(db(), item.id, {}, today())).version.version === version.version;
      return presentServiceItem(item, version, req.actor, inEffect);
    },
  );

  r.get(
    "/api/catalog/items/:code/versions",
    {
      config: OPTIONAL_RATE,
      schema: {
        operationId: "listItemVersions",
        tags: ["catalog"],
        summary: "An item's version history, oldest first (public)",
        params: ZCodeParam,
        response: {
          200: ZItemVersionList,
        },
      },
    },
    async (req) => {
      const { item, versions } = await listItemVersions(db(), req.params.code, today());
      return {
        code: item.code,
        latestVersion: item.currentVersion,
        items: versions.map(presentVersionEntry),
        abilities: serviceItemAbilities(req.actor, item.orgPath),
      };
    },
  );

  r.get(
    "/api/catalog/items/:code/compare",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "compareItemVersions",
        tags: ["catalog"],
        summary:
          "Field-by-field differences between two versions (materials and review steps matched by code)",
        params: ZCodeParam,
        querystring: ZCompareItemVersionsQuery,
        response: { 200: ZItemVersionDiff },
      },
    },
    async (req) => {
      const a = await getServiceItem(db(), req.params.code, { version: req.query.from }, today());
      const b = await getServiceItem(db(), req.params.code, { version: req.query.to }, today());
      return {
        code: a.item.code,
        from: { version: a.version.version, effectiveFrom: a.version.effectiveFrom },
        to: { version: b.version.version, effectiveFrom: b.version.effectiveFrom },
        ...diffItemVersions(a.version.content, b.version.content),
      };
    },
  );

  r.get(
    "/api/catalog/items/:code/notice-sheet",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "getOneTimeNoticeSheet",
        tags: ["catalog"],
        summary:
          "The item's one-time notification sheet (一次性告知单): PDF, or its data with `format=json` (public)",
        params: ZCodeParam,
        querystring: ZGetOneTimeNoticeSheetQuery,
        response: {
          200: {
            description: "The sheet as PDF (`format=pdf`, the default) or its data (`format=json`)",
            content: { "application/pdf": binaryMedia, "application/json": { schema: ZNoticeSheet } },
          },
        },
      },
    },
    async (req, reply) => {
      const sheet = await oneTimeNoticeSheetData(db(), req.params.code, req.query, today());
      if (req.query.format === "json") return { ...sheet.data, version: sheet.version };
      const pdf = await oneTimeNoticeSheetPdf(sheet.data);
      const file = encodeURIComponent(`一次性告知单-${sheet.name}.pdf`);
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `inline; filename="notice-sheet-${sheet.code}.pdf"; filename*=UTF-8''${file}`,
        )
        .send(pdf);
    },
  );

  r.post(
    "/api/catalog/items",
    {
      schema: {
        operationId: "createServiceItem",
        tags: ["catalog"],
        summary:
          "Create an item with its version 1 (admin of the implementing organization); 422 names every problem",
        body: ZCreateServiceItem,
        response: { 201: ZServiceItemSaved },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const saved = await db().transaction((tx) => createServiceItem(tx, actor, req.body, ctx.clock.now()));
      return reply.code(201).send({ id: saved.itemId, code: saved.code, version: saved.version });
    },
  );

  r.put(
    "/api/catalog/items/:code",
    {
      schema: {
        operationId: "updateServiceItem",
        tags: ["catalog"],
        summary:
          "Save a NEW version effective from a date (old versions never change); 409 when `expectedVersion` is stale",
        params: ZCodeParam,
        body: ZUpdateServiceItem,
        response: { 200: ZServiceItemSaved },
        problems: [409],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, "manageCatalog", "global", null);
      const saved = await db().transaction((tx) =>
        updateServiceItem(tx, actor, req.params.code, req.body, ctx.clock.now(), today()),
      );
      return { id: saved.itemId, code: saved.code, version: saved.version };
    },
  );
}
