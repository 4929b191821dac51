import { useI18n } from "../../i18n/useT";

/** Texts of the exchange and partner screens, Chinese first (kept with the feature). */
const TEXT = {
  fetch: ["从共享数据获取", "Fetch from shared data"],
  consentTitle: ["授权获取共享数据", "Consent to fetch shared data"],
  consentBody: [
    "申请人同意本机关依法向提供部门查询并获取该材料，查询将记入数据访问日志。",
    "The applicant agrees that this office fetches the material from the providing department; the access is logged.",
  ],
  agree: ["同意并获取", "Agree and fetch"],
  fetched: ["已从共享数据获取", "Fetched from shared data"],
  referrals: ["转办事项", "Referrals"],
  requests: ["材料调取", "Material requests"],
  publish: ["数据发布", "Publish data"],
  item: ["事项", "Item"],
  applicant: ["申请人", "Applicant"],
  from: ["转出机构", "From"],
  status: ["状态", "Status"],
  policy: ["政策依据", "Policy reference"],
  progress: ["办理进展", "Progress"],
  report: ["报告进展", "Report progress"],
  note: ["说明", "Note"],
  submit: ["提交", "Submit"],
  material: ["材料", "Material"],
  case: ["办件", "Case"],
  due: ["答复期限", "Due"],
  answer: ["上传答复文件", "Answer with a file"],
  subjectCode: ["主体代码", "Subject code"],
  subjectName: ["主体名称", "Subject name"],
  validUntil: ["有效期至", "Valid until"],
  fields: ["数据项（每行 名称=值）", "Fields (one name=value a line)"],
  records: ["已发布记录", "Published records"],
  none: ["暂无", "None"],
  myData: ["我的信息与数据授权", "My profile and data access"],
  fieldName: ["名称", "Name"],
  fieldCreditCode: ["统一社会信用代码", "Unified social credit code"],
  fieldLegalRep: ["法定代表人", "Legal representative"],
  fieldIdNumber: ["居民身份证号", "Resident ID number"],
  fieldPhone: ["电话", "Phone"],
  fieldAddress: ["地址", "Address"],
  profile: ["申请人信息", "Profile"],
  accessLog: ["数据访问日志", "Data access log"],
  who: ["访问人", "Who"],
  when: ["时间", "When"],
  why: ["事由", "Why"],
  dataset: ["数据项目", "Dataset"],
  outcome: ["结果", "Outcome"],
  agents: ["代理人与委托书", "Agents and powers of attorney"],
  sent: ["已转出", "Sent"],
  received: ["已接收", "Received"],
  in_progress: ["办理中", "In progress"],
  done: ["已办结", "Done"],
  open: ["待答复", "Open"],
  answered: ["已答复", "Answered"],
} as const;

export type ExchangeTextKey = keyof typeof TEXT;

/** The exchange texts in the current language. */
export function useXT(): (key: ExchangeTextKey) => string {
  const { locale } = useI18n();
  return (key) => TEXT[key]?.[locale === "en-US" ? 1 : 0] ?? key;
}
