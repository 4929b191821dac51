import { useI18n } from "../../i18n/useT";

/** Texts of the project screens in both languages, kept beside the feature. */
const zh = {
  "list.title": "重点项目（帮办代办）",
  "list.code": "项目代码",
  "list.name": "项目名称",
  "list.enterprise": "企业",
  "list.location": "坐落",
  "list.helper": "帮办代办员",
  "parcel.title": "项目与宗地",
  "parcel.location": "坐落",
  "parcel.area": "面积（平方米）",
  "parcel.use": "用途",
  "parcel.stage": "阶段",
  "timeline.title": "项目时间线",
  "precheck.title": "材料预审",
  "survey.title": "现场踏勘",
  "survey.add": "记录踏勘",
  "survey.people": "参加人员（逗号分隔）",
  "survey.findings": "踏勘情况",
  "meeting.title": "协调会与督办事项",
  "action.done": "已完成",
  "action.markDone": "标记完成",
  "bundles.title": "一件事一次办",
  "measure.title": "怀远速度",
  "measure.hours": "工作小时",
  "measure.sameDay": "当日办结",
  "measure.pending": "尚未全部发证",
  "contract.title": "出让合同",
} as const;
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  "list.title": "Key projects (helper)",
  "list.code": "Project code",
  "list.name": "Project",
  "list.enterprise": "Enterprise",
  "list.location": "Location",
  "list.helper": "Helper",
  "parcel.title": "Project and parcel",
  "parcel.location": "Location",
  "parcel.area": "Area (m²)",
  "parcel.use": "Use",
  "parcel.stage": "Stage",
  "timeline.title": "Timeline",
  "precheck.title": "Pre-check of materials",
  "survey.title": "Site surveys",
  "survey.add": "Record survey",
  "survey.people": "People (comma-separated)",
  "survey.findings": "Findings",
  "meeting.title": "Coordination meetings and action items",
  "action.done": "Done",
  "action.markDone": "Mark done",
  "bundles.title": "Bundles",
  "measure.title": "Huaiyuan speed",
  "measure.hours": "working hours",
  "measure.sameDay": "same day",
  "measure.pending": "certificates pending",
  "contract.title": "Land-grant contract",
};

/** The project screens' texts for the current locale. */
export function useProjectTexts() {
  const { locale } = useI18n();
  const cur = locale === "en-US" ? en : zh;
  return { locale, t: (k: Key) => cur[k] };
}
