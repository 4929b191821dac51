/** The supervisor's figures on the wire: the dashboard, the drill-down to cases, the monthly scorecards. */
import { z } from "zod";
import { ALERT_CATEGORIES } from "../../domain/alerts/rules";
import { CLOCK_STATES, FIGURE_CODES, SCORECARD_SUBJECTS } from "../../domain/supervision/figures";
import { ZAbilities, ZBilingual, ZInstant } from "./common";

export const ZFigureCode = z.enum(FIGURE_CODES);
export const ZClockStateShown = z.enum(CLOCK_STATES);
export const ZScorecardSubject = z.enum(SCORECARD_SUBJECTS);

export const ZRatio = z
  .object({
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable().describe("numerator / denominator (4 decimals); null when nothing to rate"),
  })
  .meta({ id: "FigureRatio" });

export const ZCaseFigures = z
  .object({
    accepted: z.number().describe("受理量: cases accepted in the period"),
    completed: z.number().describe("办结量: cases completed in the period"),
    completionRate: ZRatio.describe("办结率: of the cases accepted in the period, those completed"),
    onTimeRate: ZRatio.describe("按时办结率: completed on or before the deadline / completed"),
    onSpotRate: ZRatio.describe("当场办结率: finished on the spot / completed"),
    visitsPerCase: z
      .object({ visits: z.number(), cases: z.number(), value: z.number().nullable() })
      .describe("跑动次数: window visits over the completed cases, per case"),
    satisfactionRate: ZRatio.describe("满意率: ratings 基本满意 or better / ratings of the period"),
  })
  .meta({ id: "CaseFigures" });
export type TCaseFigures = z.infer<typeof ZCaseFigures>;

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZSupervisionDashboard = z
  .object({
    fromMonth: z.string(),
    toMonth: z.string(),
    org: ZRef.describe("The organization the figures cover (the supervisor's tree or the office chosen)"),
    orgs: z.array(ZRef.extend({ depth: z.number() })).describe("Offices of the tree, to choose from"),
    overall: ZCaseFigures,
    byDepartment: z.array(ZCaseFigures.extend({ orgId: z.string(), orgName: z.string() })),
    byPerson: z.array(
      ZCaseFigures.extend({ userId: z.string(), name: z.string(), orgName: z.string().nullable() }),
    ),
    trend: z.array(ZCaseFigures.extend({ month: z.string() })).describe("The 12 months ending `toMonth`"),
    clockStates: z
      .object({ normal: z.number(), yellow: z.number(), red: z.number(), paused: z.number() })
      .describe("Open accepted cases by their clock today"),
    alerts: z.object({ raised: z.number(), closed: z.number() }).describe("Raised / closed in the period"),
    alertsByRule: z.array(
      z.object({
        rule: z.string(),
        ruleName: ZBilingual,
        category: z.enum(ALERT_CATEGORIES),
        raised: z.number(),
        closed: z.number(),
      }),
    ),
    trainingAttended: z.number().describe("Attendances (present) at study sessions held in the period"),
  })
  .meta({ id: "SupervisionDashboard" });
export type TSupervisionDashboard = z.infer<typeof ZSupervisionDashboard>;

export const ZSupervisionCase = z.object({
  id: z.string(),
  number: z.string(),
  itemName: z.string(),
  status: z.string(),
  acceptedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  onTime: z.boolean().nullable().describe("Null while not completed"),
  finishedOnSpot: z.boolean(),
  visits: z.number(),
  clockState: ZClockStateShown.nullable(),
  counted: z.boolean().describe("In the figure's numerator (a ratio's denominator lists all its cases)"),
});

export const ZSupervisionCaseList = z
  .object({
    figure: ZFigureCode,
    figureName: ZBilingual,
    total: z.number(),
    counted: z.number(),
    items: z.array(ZSupervisionCase).describe("At most 500, counted ones first"),
  })
  .meta({ id: "SupervisionCaseList" });
export type TSupervisionCaseList = z.infer<typeof ZSupervisionCaseList>;

export const ZScorecardFigures = z.object({
  casesHandled: z.number().describe("Cases completed in the month that the subject handled"),
  onTimeRate: ZRatio,
  onSpotRate: ZRatio,
  visitsPerCase: z.number().nullable(),
  satisfactionRate: ZRatio,
  alertsRaised: z.number(),
  alertsClosed: z.number(),
  trainingAttended: z.number(),
  noticesUnacknowledged: z
    .number()
    .nullable()
    .describe(
      "Policy change notices owed at the month's end and not acknowledged by then (null: signed before this figure existed)",
    ),
});

export const ZScorecard = z
  .object({
    month: z.string(),
    subjectKind: ZScorecardSubject,
    subjectId: z.string(),
    subjectName: z.string(),
    sectionName: z.string().nullable(),
    figures: ZScorecardFigures,
    status: z.enum(["draft", "signed"]).describe("signed: frozen figures as they stood at sign-off"),
    comment: z.string().nullable(),
    signedBy: ZRef.nullable(),
    signedAt: ZInstant.nullable(),
    version: z.number().describe("0 while unsigned"),
    abilities: ZAbilities,
  })
  .meta({ id: "Scorecard" });
export type TScorecard = z.infer<typeof ZScorecard>;

export const ZScorecardList = z
  .object({
    month: z.string(),
    sections: z.array(ZScorecard),
    people: z.array(ZScorecard),
  })
  .meta({ id: "ScorecardList" });
export type TScorecardList = z.infer<typeof ZScorecardList>;
