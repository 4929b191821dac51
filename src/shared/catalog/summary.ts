/** One row of the list: what a card in the guide shows (from the version in effect on `onDate`). */
export type ServiceItemSummary = {
  id: string;
  code: string;
  /** 事项编码 as published (what pages print); null when the item has none. */
  catalogCode: string | null;
  name: string;
  kind: string;
  handlingType: string;
  orgCode: string;
  orgName: string;
  department: { code: string; name: string } | null;
  statutoryLimitDays: number;
  promisedLimitDays: number;
  visitsRequired: number;
  charged: boolean;
  onlineAvailable: boolean;
  lifeEvents: string[];
  handledByTownship: boolean;
  version: number;
  latestVersion: number;
  effectiveFrom: string;
  active: boolean;
};
