import { useI18n } from "../../i18n/useT";

/** Texts of the inquiry screens (咨询), Chinese first (kept with the feature). */
const TEXT = {
  deskTitle: ["咨询台", "Inquiry desk"],
  deskSubtitle: [
    "首问负责制：每一个咨询都有负责人，直到答复或明确转交给具体同事。",
    "First-responder rule: every question has an owner until it is answered or handed to a named colleague.",
  ],
  record: ["登记咨询", "Record a question"],
  unclaimed: ["待认领", "Unclaimed"],
  open: ["待答复", "Open"],
  answered: ["已答复", "Answered"],
  mine: ["我负责的", "Mine"],
  overdue: ["超 1 个工作日未答复", "Waiting > 1 working day"],
  all: ["全部", "All"],
  status: ["状态", "Status"],
  channel: ["渠道", "Channel"],
  window: ["窗口", "Window"],
  phone: ["电话", "Phone"],
  online: ["网上", "Online"],
  owner: ["负责人", "Owner"],
  ownerMe: ["我", "Me"],
  ownerNone: ["无负责人", "No owner"],
  item: ["事项", "Item"],
  anyItem: ["全部事项", "All items"],
  dates: ["咨询日期", "Asked on"],
  question: ["咨询问题", "Question"],
  asker: ["咨询人", "Asker"],
  askerName: ["姓名（可不填）", "Name (optional)"],
  contact: ["联系方式（可不填）", "Phone or e-mail (optional)"],
  contactHint: [
    "仅首问负责人和股负责人可见，不会公开",
    "Seen only by the owner and the supervisor, never published",
  ],
  askedAt: ["咨询时间", "Asked"],
  waited: ["用时（工作时间）", "Time (office hours)"],
  answer: ["答复", "Answer"],
  answerBtn: ["答复", "Answer"],
  claim: ["认领", "Claim"],
  handOver: ["转交", "Hand over"],
  handOverTo: ["转交给（具体同事）", "Hand over to (named colleague)"],
  reason: ["转交原因", "Reason"],
  publishFaq: ["发布为常见问题", "Publish as FAQ"],
  published: ["已发布", "Published"],
  faqHint: [
    "发布到事项办事指南的“常见问题”。身份证号、手机号、邮箱及咨询人姓名和联系方式会自动去除。",
    "Published to the item's guide. ID numbers, phones, e-mails and the asker's name and contact are removed.",
  ],
  policy: ["政策依据（可不填）", "Policy reference (optional)"],
  policyShort: ["政策依据", "Policy"],
  handovers: ["转交记录", "Handovers"],
  queryCode: ["查询码", "Query code"],
  empty: ["没有符合条件的咨询", "No inquiries match"],
  submit: ["提交", "Submit"],
  cancel: ["取消", "Cancel"],
  required: ["请填写", "Required"],
  minutes: ["{n} 分钟", "{n} min"],
  hours: ["{h} 小时 {m} 分钟", "{h} h {m} min"],
  recordedBy: ["登记人", "Recorded by"],
  answeredBy: ["答复人", "Answered by"],
  saved: ["已保存", "Saved"],
  conflict: [
    "该咨询已被他人更新，列表已刷新，请重试",
    "Someone else changed this inquiry; the list was reloaded",
  ],
  // Public pages
  askTitle: ["我要咨询", "Ask a question"],
  askHint: [
    "无需登录。提交后获得查询码，工作人员答复后可凭查询码查看答复。",
    "No account needed. You get a query code to read the answer once staff have replied.",
  ],
  askItem: ["咨询的事项", "The service item"],
  askItemPick: ["请选择事项", "Choose an item"],
  askQuestion: ["您的问题", "Your question"],
  askSubmit: ["提交咨询", "Send the question"],
  askDone: ["咨询已提交", "Your question was sent"],
  askDoneHint: [
    "请记下查询码。一般在 1 个工作日内答复。",
    "Keep the query code. Questions are usually answered within one working day.",
  ],
  viewAnswer: ["查看答复", "Read the answer"],
  askAnother: ["再问一个", "Ask another"],
  lookupTitle: ["咨询答复查询", "Answer to my question"],
  lookupHint: ["输入提交咨询时获得的查询码。", "Enter the query code you got when asking."],
  lookup: ["查询", "Look up"],
  codeRequired: ["请输入查询码", "Enter the query code"],
  notFound: ["查询码不存在，请核对后重试", "No question with this query code"],
  waiting: ["等待答复", "Waiting for an answer"],
  answeredOn: ["答复时间", "Answered"],
  haveCode: ["已有查询码？查看答复", "Have a query code? Read the answer"],
  faqTitle: ["常见问题", "Frequently asked questions"],
  faqEmpty: ["暂无常见问题", "No FAQ yet"],
  askAboutItem: ["就此事项咨询", "Ask about this item"],
  loadError: ["加载失败", "Could not load"],
  retry: ["重试", "Retry"],
} as const;

export type InquiryTextKey = keyof typeof TEXT;

/** The inquiry texts in the current language, with `{name}` placeholders filled. */
export function useIT(): (key: InquiryTextKey, vars?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return (key, vars) => {
    const text: string = TEXT[key][locale === "en-US" ? 1 : 0];
    return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text;
  };
}
