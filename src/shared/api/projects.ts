/**
 * Projects (工程建设项目), early intervention (提前介入), bundles (一件事一次办) and the 怀远速度 measure,
 * on the wire.
 */
import { z } from "zod";
import { ZAbilities, ZBilingual, ZInstant, ZJsonObject, ZLocalDate } from "./common";
import { ZFieldProblem } from "./problem";

/** The four stages of the construction-project approval reform (国办发〔2019〕11号). */
export const ZProjectStage = z.enum([
  "land_planning",
  "engineering_permit",
  "construction_permit",
  "completion",
]);

/** A parcel (宗地), with its red-line boundary as a GeoJSON polygon when known. */
export const ZParcelView = z.object({
  location: z.string(),
  areaSqm: z.number(),
  use: z.string(),
  contractNo: z.string().nullable().optional(),
  boundary: z
    .object({ type: z.literal("Polygon"), coordinates: z.array(z.array(z.array(z.number()))) })
    .nullable()
    .optional(),
});

/** A project in lists. */
export const ZProjectListItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  stage: ZProjectStage,
  location: z.string(),
  enterpriseName: z.string(),
  helperName: z.string().nullable(),
  createdAt: ZInstant,
});
export type TProjectListItem = z.infer<typeof ZProjectListItem>;

/** 怀远速度 of one bundle: from its trigger to the last certificate issued, in working hours. */
export const ZBundleMeasure = z.object({
  contractAt: ZInstant.nullable(),
  startedAt: ZInstant,
  startedBy: z.enum(["land_delivered", "land_contract_signed", "filed"]),
  certificatesAt: ZInstant.nullable(),
  workingMinutes: z.number().nullable(),
  workingHours: z.number().nullable(),
  sameDay: z.boolean().nullable(),
});

/** A filed bundle: its template, trigger, cases, certificates, clock and measure. */
export const ZBundle = z
  .object({
    id: z.string(),
    projectId: z.string(),
    template: z.object({
      code: z.string(),
      name: z.string(),
      trigger: z.string(),
      sharedMaterials: z.array(z.string()),
    }),
    status: z.string().describe("empty | draft | in_progress | partially_completed | completed | closed"),
    createdAt: ZInstant,
    landContract: z
      .object({ id: z.string(), number: z.string(), signedAt: ZInstant, source: z.enum(["ui", "api"]) })
      .nullable(),
    landDelivery: z
      .object({
        id: z.string(),
        confirmationNo: z.string(),
        deliveredAt: ZInstant,
        source: z.enum(["ui", "api"]),
      })
      .nullable(),
    clock: z.object({ caseId: z.string().nullable(), deadline: ZLocalDate.nullable() }),
    cases: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        itemCode: z.string(),
        itemName: z.string(),
        status: z.string(),
        deadline: ZLocalDate.nullable(),
        submittedAt: ZInstant.nullable(),
        completedAt: ZInstant.nullable(),
      }),
    ),
    certificates: z.array(
      z.object({
        id: z.string(),
        caseId: z.string(),
        name: z.string(),
        number: z.string(),
        issuedAt: ZInstant,
      }),
    ),
    measure: ZBundleMeasure,
  })
  .meta({ id: "Bundle" });
export type TBundle = z.infer<typeof ZBundle>;

/** A project with everything that happened to it. */
export const ZProject = z
  .object({
    id: z.string(),
    code: z.string().describe("投资项目统一代码"),
    name: z.string(),
    stage: ZProjectStage,
    version: z.number(),
    parcel: ZParcelView,
    org: z.object({ code: z.string(), name: z.string() }),
    enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string().nullable() }),
    helper: z.object({ id: z.string(), name: z.string() }).nullable(),
    landTransferOrg: z.object({ code: z.string(), name: z.string() }).nullable(),
    createdAt: ZInstant,
    contacts: z.array(
      z.object({
        id: z.string(),
        projectId: z.string(),
        party: z.enum(["township", "enterprise", "department"]),
        contactName: z.string(),
        channel: z.string(),
        notes: z.string(),
        contactedAt: ZInstant,
        recordedBy: z.string(),
      }),
    ),
    prechecks: z.array(
      z.object({
        itemCode: z.string(),
        materialCode: z.string(),
        materialName: z.string(),
        status: z.enum(["pass", "missing", "defective"]),
        note: z.string().nullable(),
        fileIds: z.array(z.string()),
        checkedAt: ZInstant,
      }),
    ),
    siteSurveys: z.array(
      z.object({
        id: z.string(),
        surveyedOn: ZLocalDate,
        people: z.array(z.string()),
        findings: z.string(),
        photoFileIds: z.array(z.string()),
      }),
    ),
    meetings: z.array(
      z.object({
        id: z.string(),
        heldOn: ZLocalDate,
        topic: z.string(),
        attendees: z.array(z.object({ name: z.string(), department: z.string() })),
        decisions: z.array(z.string()),
        actionItems: z.array(
          z.object({
            id: z.string(),
            description: z.string(),
            owner: z.string(),
            dueOn: ZLocalDate,
            status: z.enum(["open", "done"]),
            doneAt: ZInstant.nullable(),
          }),
        ),
      }),
    ),
    landContracts: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        signedAt: ZInstant,
        parties: z.object({ grantor: z.string(), grantee: z.string() }),
        priceYuan: z.number(),
        paymentStatus: z.enum(["unpaid", "partial", "paid"]),
        source: z.enum(["ui", "api"]),
      }),
    ),
    landDeliveries: z.array(
      z.object({
        id: z.string(),
        confirmationNo: z.string(),
        deliveredAt: ZInstant,
        deliveredBy: z.string(),
        deliveredTo: z.string(),
        parcel: ZParcelView,
        landContractNo: z.string().nullable(),
        note: z.string(),
        source: z.enum(["ui", "api"]),
        bundleId: z.string().nullable(),
      }),
    ),
    bundles: z.array(ZBundle),
    measure: z.array(z.object({ bundleId: z.string(), template: z.string(), ...ZBundleMeasure.shape })),
    timeline: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        summary: z.string(),
        at: ZInstant,
        actorName: z.string().nullable(),
        data: ZJsonObject,
      }),
    ),
    abilities: ZAbilities,
  })
  .meta({ id: "Project" });
export type TProject = z.infer<typeof ZProject>;

/** The supervisor's figure (怀远速度): every visible bundle's measure and the summary. */
export const ZBundleMeasureReport = z.object({
  bundles: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      projectName: z.string(),
      template: z.string(),
      status: z.string(),
      measure: ZBundleMeasure,
    }),
  ),
  summary: z.object({
    total: z.number(),
    completed: z.number(),
    sameDay: z.number(),
    averageWorkingHours: z.number().nullable(),
  }),
});
export type TBundleMeasureReport = z.infer<typeof ZBundleMeasureReport>;

/** A bundle template (一件事一次办 套餐). */
export const ZBundleTemplate = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  itemCodes: z.array(z.string()),
  sharedMaterials: z.array(z.string()),
  trigger: z.string().describe("land_contract_signed | land_delivered | manual"),
  description: z.string(),
  createdAt: ZInstant,
});

/** Why a trigger (contract, land delivery) filed no bundle. */
export const ZNotFiled = z.object({
  code: z
    .string()
    .describe("items_already_filed, or the refusal's code (rule_violation: pre-checks or forms)"),
  message: ZBilingual,
  filed: z
    .array(
      z.object({
        itemCode: z.string(),
        caseId: z.string(),
        number: z.string().nullable(),
        bundleId: z.string().nullable(),
      }),
    )
    .optional(),
  errors: z.array(ZFieldProblem).optional().describe("What to complete before recording it again"),
});

/** A recorded land-grant contract (出让合同). */
export const ZLandContract = z.object({
  id: z.string(),
  projectId: z.string(),
  number: z.string(),
  signedAt: ZInstant,
  parties: z.object({ grantor: z.string(), grantee: z.string() }),
  parcel: ZParcelView,
  priceYuan: z.string().describe("Decimal with two places, as stored (numeric(16,2))"),
  paymentStatus: z.enum(["unpaid", "partial", "paid"]),
  recordedBy: z.string(),
  recordedAt: ZInstant,
  source: z.enum(["ui", "api"]),
});

/** A recorded land delivery (交地确认书). */
export const ZLandDelivery = z.object({
  id: z.string(),
  projectId: z.string(),
  confirmationNo: z.string(),
  deliveredAt: ZInstant,
  parcel: ZParcelView,
  deliveredBy: z.string(),
  deliveredTo: z.string(),
  landContractId: z.string().nullable(),
  note: z.string(),
  recordedBy: z.string(),
  recordedAt: ZInstant,
  source: z.enum(["ui", "api"]),
});

export const ZProjectList = z.object({ items: z.array(ZProjectListItem) });

/** The answer to uploading a project file. */
export const ZProjectFileUploaded = z.object({
  fileId: z.string(),
  sha256: z.string(),
  fileName: z.string(),
});

/** The answer to recording a land contract: the contract and the bundle filed from it (or why not). */
export const ZLandContractRecorded = z.object({
  contract: ZLandContract,
  bundle: ZBundle.nullable(),
  notFiled: ZNotFiled.nullable(),
});

/** The answer to recording a land delivery: the delivery and the bundle filed from it (or why not). */
export const ZLandDeliveryRecorded = z.object({
  delivery: ZLandDelivery,
  bundle: ZBundle.nullable(),
  notFiled: ZNotFiled.nullable(),
});

export const ZBundleTemplateList = z.object({ items: z.array(ZBundleTemplate) });
