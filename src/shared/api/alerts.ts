/** Supervision alerts (电子监察预警) on the wire: the supervisor's desk. */
import { z } from "zod";
import { ALERT_CATEGORIES, ALERT_STATUSES } from "../../domain/alerts/rules";
import { ZAbilities, ZBilingual, ZInstant } from "./common";

export const ZAlertStatus = z.enum(ALERT_STATUSES);
export const ZAlertSeverity = z.enum(["yellow", "red"]);
export const ZAlertCategory = z.enum(ALERT_CATEGORIES).describe("The 五不 category of the rule");

const ZAlertPerson = z.object({ id: z.string(), name: z.string() });

export const ZAlert = z
  .object({
    id: z.string(),
    rule: z.string(),
    ruleName: ZBilingual,
    category: ZAlertCategory,
    severity: ZAlertSeverity,
    status: ZAlertStatus,
    message: ZBilingual.describe("Plain-language explanation of the finding"),
    org: z.object({ id: z.string(), name: z.string() }).nullable().describe("The owner office"),
    case: z
      .object({ id: z.string(), number: z.string() })
      .nullable()
      .describe("The case that raised it, if the alert is about a case"),
    raisedAt: ZInstant,
    acknowledgedAt: ZInstant.nullable(),
    acknowledgedBy: ZAlertPerson.nullable(),
    acknowledgeComment: z.string().nullable(),
    closedAt: ZInstant.nullable(),
    closedBy: ZAlertPerson.nullable().describe("Null when closed by the sweep because its cause is gone"),
    closeComment: z.string().nullable(),
    version: z.number(),
    abilities: ZAbilities,
  })
  .meta({ id: "SupervisionAlert" });
export type TAlert = z.infer<typeof ZAlert>;

export const ZAlertList = z.object({
  items: z.array(ZAlert).describe("The newest 200 matching the filters, open ones first"),
  counts: z
    .object({
      open: z.number(),
      acknowledged: z.number(),
      closed: z.number(),
      byRule: z.array(
        z.object({
          rule: z.string(),
          ruleName: ZBilingual,
          category: ZAlertCategory,
          open: z.number().describe("Open or acknowledged"),
          total: z.number(),
        }),
      ),
    })
    .describe("Over the caller's whole scope, before the filters"),
});
export type TAlertList = z.infer<typeof ZAlertList>;
