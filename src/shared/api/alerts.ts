/** Supervision alerts (电子监察预警) on the wire: the supervisor's desk. */
import { z } from "zod";
import { ALERT_CATEGORIES, ALERT_STATUSES } from "../../domain/alerts/rules";
import { THRESHOLD_KEYS, type ThresholdKey } from "../../domain/alerts/thresholds";
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
    responsible: ZAlertPerson.nullable().describe("The person answerable when known"),
    respondBy: z.iso
      .date()
      .nullable()
      .describe("Acknowledge or close by this date (working days from the rule)"),
    overdue: z.boolean().describe("Neither acknowledged nor closed by respondBy"),
    events: z
      .array(
        z.object({
          id: z.string(),
          type: z.string(),
          label: ZBilingual,
          at: ZInstant,
          actorName: z.string().nullable(),
        }),
      )
      .describe("The case events that raised it"),
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
      overdue: z.number().describe("Open past their response date"),
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

const thresholdShape = Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, z.number().int()])) as Record<
  ThresholdKey,
  z.ZodNumber
>;
export const ZThresholdValues = z.object(thresholdShape).meta({ id: "SupervisionThresholdValues" });

export const ZSupervisionSettings = z
  .object({
    org: z.object({ id: z.string(), name: z.string() }),
    own: z.boolean().describe("The organization has its own settings (else inherited or the defaults)"),
    inheritedFrom: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("The organization above whose settings apply; null with own settings or the defaults"),
    thresholds: ZThresholdValues,
    defaults: ZThresholdValues,
    limits: z.record(z.string(), z.object({ min: z.number(), max: z.number() })),
    rules: z
      .array(
        z.object({
          rule: z.string(),
          ruleName: ZBilingual,
          category: ZAlertCategory,
          severity: ZAlertSeverity,
          evaluated: z.enum(["command", "blocked", "sweep"]),
          respondWorkingDays: z.number().int(),
          defaultRespondWorkingDays: z.number().int(),
        }),
      )
      .describe("Every rule with its response deadline in working days"),
    version: z.number().int().describe("0 while the organization has no settings of its own"),
    organizations: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe("The organizations whose settings the caller may set"),
  })
  .meta({ id: "SupervisionSettings" });
export type TSupervisionSettings = z.infer<typeof ZSupervisionSettings>;
