import type { NoticeDataByKind } from "./notices";
import type { NoticeBase, Remedies, ResultNoticeData } from "./types";

/** A name with rare characters only fallback subsets have (禤 in subset 49, 淏 in subset 59). */
export const RARE_NAME = "禤淏";

const base: Omit<NoticeBase, "documentNumber"> = {
  issuedOn: "2026-11-26",
  org: { name: "怀远县自然资源和规划局", phone: "0552-8012345" },
  applicant: { name: RARE_NAME, kind: "person", idType: "居民身份证", idNumber: "340321199001011234" },
  item: { code: "340321-ZRZY-XK-003", name: "建设工程规划许可证核发" },
  caseNumber: "HY-2026-001234",
  verification: { url: "https://yizhan.huaiyuan.gov.cn/verify", queryCode: "7K3QX9" },
};

const remedies: Remedies = { reconsiderationBody: "怀远县人民政府", court: "怀远县人民法院" };

/** A 国有建设用地使用权首次登记 of an enterprise (行政确认): the base of the registration samples. */
const registration: Omit<ResultNoticeData, "documentNumber"> = {
  ...base,
  applicant: { name: "安徽三木新材料科技有限公司", kind: "enterprise", idType: "统一社会信用代码" },
  item: {
    code: "L-340321-ZRZY-QR-01",
    name: "国有建设用地使用权首次登记",
    itemKind: "administrative_confirmation",
  },
  acceptedOn: "2026-11-24",
  reasons: ["权属来源清楚，界址清晰，面积准确"],
  legalBasis: "《不动产登记暂行条例》第二十一条",
  result: { name: "不动产权证书" },
  particulars: [
    { label: "坐落", value: "怀远县经济开发区涂山路与禹王路交叉口东南侧" },
    { label: "宗地面积（平方米）", value: "53333.5" },
  ],
};

/** A 不动产登记资料查询 of a citizen (公共服务, 即办件). */
const inquiry: Omit<ResultNoticeData, "documentNumber"> = {
  ...base,
  item: { code: "L-340321-ZRZY-GG-01", name: "不动产登记资料查询", itemKind: "public_service" },
  acceptedOn: "2026-11-26",
  reasons: [],
  legalBasis: "《不动产登记资料查询暂行办法》",
  result: { name: "不动产登记资料查询结果证明" },
  particulars: [{ label: "查询内容", value: "登记结果" }],
};

/** A 设施农业用地备案 (备案). */
const filing: Omit<ResultNoticeData, "documentNumber"> = {
  ...base,
  item: { code: "L-340321-SQJ-BA-01", name: "设施农业用地备案", itemKind: "filing" },
  acceptedOn: "2026-11-20",
  reasons: [],
  legalBasis: "《自然资源部 农业农村部关于设施农业用地管理有关问题的通知》（自然资规〔2019〕4号）",
  result: { name: "设施农业用地备案回执" },
};

/** Sample data for every document kind: used by the tests, the PNG previews and the benchmark. */
export const SAMPLE_NOTICES: NoticeDataByKind = {
  acceptance: {
    ...base,
    documentNumber: "怀自然资受〔2026〕12号",
    receivedOn: "2026-11-20",
    acceptedOn: "2026-11-26",
    statutoryWorkingDays: 20,
    promisedWorkingDays: 5,
    deadline: "2026-12-03",
    materials: [
      { name: "建设工程规划许可证申请表", form: "原件", copies: 1 },
      { name: "申请人身份证明", form: "复印件", copies: 1 },
      { name: "建设工程设计方案总平面图", form: "原件", copies: 3 },
      { name: "土地权属证明", form: "复印件", copies: 1 },
    ],
    deferredMaterials: [{ name: "建设工程施工图设计文件审查意见", dueOn: "2026-12-01" }],
  },
  correction: {
    ...base,
    documentNumber: "怀自然资补〔2026〕7号",
    receivedOn: "2026-11-20",
    materials: [
      { name: "建设工程规划许可证申请表", status: "passed" },
      {
        name: "申请人身份证明",
        status: "defective",
        note: "身份证复印件已过有效期，请提供有效期内的证件复印件",
      },
      {
        name: "建设工程设计方案总平面图",
        status: "missing",
        note: "未提交；需加盖设计单位出图章，比例1:500",
      },
      {
        name: "土地权属证明",
        status: "defective",
        note: "宗地面积与总平面图标注不一致（2,345.6㎡ / 2,354.6㎡）",
      },
    ],
    correctBy: "2026-12-10",
    submitTo: "怀远县政务服务中心自然资源和规划窗口或网上办事大厅",
  },
  refusal: {
    ...base,
    documentNumber: "怀自然资不受〔2026〕3号",
    item: { code: "340321-LY-XK-001", name: "林木采伐许可证核发" },
    receivedOn: "2026-11-20",
    reason: "林木采伐许可不属于本机关的法定职权范围",
    legalBasis: "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
    competentBody: { name: "怀远县林业局", address: "怀远县禹王路88号", phone: "0552-8000000" },
    remedies,
  },
  specialProcedure: {
    ...base,
    documentNumber: "怀自然资特〔2026〕5号",
    acceptedOn: "2026-11-16",
    kind: "expertReview",
    reason: "项目涉及历史文化街区风貌保护，建筑方案需经专家论证",
    startsOn: "2026-11-26",
    expectedWorkingDays: 10,
  },
  extension: {
    ...base,
    documentNumber: "怀自然资延〔2026〕2号",
    acceptedOn: "2026-10-28",
    reason: "项目涉及多个部门联合审查，审查意见尚未汇总完毕",
    extraWorkingDays: 10,
    originalDeadline: "2026-11-25",
    newDeadline: "2026-12-09",
    approvedBy: "张建国",
  },
  approval: {
    ...base,
    documentNumber: "怀自然资许〔2026〕88号",
    acceptedOn: "2026-11-20",
    findings: [
      "申请材料齐全，符合法定形式",
      "建设工程设计方案符合控制性详细规划及规划条件",
      "各审查部门均已出具同意意见",
    ],
    legalBasis: "《中华人民共和国城乡规划法》第四十条",
    result: { name: "建设工程规划许可证", number: "建字第340321202600088号" },
    particulars: [
      { label: "建设项目名称", value: "怀远县荆山湖安置小区（二期）" },
      { label: "建设位置", value: "怀远县城关镇禹王路与涂山路交叉口东北侧" },
      { label: "建设规模", value: "总建筑面积45,678.90平方米，其中地上38,000.00平方米" },
    ],
    conditions: ["应按批准的设计方案施工，不得擅自变更", "开工前应申请放线验线"],
  },
  denial: {
    ...base,
    documentNumber: "怀自然资不许〔2026〕4号",
    acceptedOn: "2026-11-20",
    reasons: ["建筑高度超出规划条件确定的限高（24米）", "建筑退让用地红线距离不足5米"],
    legalBasis: "《中华人民共和国城乡规划法》第四十条",
    remedies,
  },
  registrationResult: { ...registration, documentNumber: "怀自然资登〔2026〕31号" },
  registrationRefusal: {
    ...registration,
    documentNumber: "怀自然资不登〔2026〕2号",
    reasons: ["申请登记的不动产权属有争议"],
    legalBasis: "《不动产登记暂行条例》第二十二条",
    remedies,
  },
  serviceResult: { ...inquiry, documentNumber: "怀自然资办〔2026〕105号" },
  serviceRefusal: {
    ...inquiry,
    documentNumber: "怀自然资不办〔2026〕1号",
    reasons: ["查询人不能提供利害关系证明材料"],
    remedies,
  },
  filingResult: { ...filing, documentNumber: "怀自然资备〔2026〕9号" },
  filingRefusal: {
    ...filing,
    documentNumber: "怀自然资不备〔2026〕1号",
    reasons: ["设施用地占用永久基本农田"],
    remedies,
  },
  guideSheet: {
    issuedOn: "2026-11-26",
    org: base.org,
    item: {
      ...base.item,
      kind: "承诺件",
      legalBasis: "《中华人民共和国城乡规划法》第四十条",
      conditions: ["已取得建设用地规划许可证或不动产权证书", "建设工程设计方案已通过审查"],
      statutoryLimit: "20个工作日",
      promisedLimit: "5个工作日",
      visits: 0,
      online: true,
    },
    materials: [
      { name: "建设工程规划许可证申请表", required: true, form: "原件", copies: 1, deferrable: false },
      {
        name: "申请人身份证明",
        required: true,
        form: "复印件",
        copies: 1,
        deferrable: false,
        source: "申请人自备",
      },
      { name: "建设工程设计方案总平面图", required: true, form: "原件", copies: 3, deferrable: false },
      {
        name: "建设工程施工图设计文件审查意见",
        required: false,
        form: "复印件",
        copies: 1,
        deferrable: true,
        note: "可容缺，受理后10个工作日内补交",
      },
    ],
    fees: { charged: false },
    place: "怀远县政务服务中心二楼自然资源和规划窗口（怀远县禹王路1号）",
    hours: "工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
    phones: { consult: "0552-8012345", complaint: "0552-12345" },
    verification: base.verification,
  },
  receipt: {
    receiptNumber: "JF202611260001",
    issuedOn: "2026-11-26",
    paidAt: "2026-11-26 10:32",
    org: base.org,
    payer: { name: RARE_NAME, idNumber: "340321199001011234" },
    item: { code: "340321-ZRZY-DJ-001", name: "不动产登记（首次登记）" },
    caseNumber: base.caseNumber,
    lines: [
      { name: "不动产登记费（非住宅）", basis: "发改价格规〔2016〕2559号", amountFen: 55000 },
      { name: "不动产权证书工本费", basis: "发改价格规〔2016〕2559号", quantity: "1本", amountFen: 1000 },
    ],
    channel: "online",
    transactionNumber: "2026112610320088123",
    cashier: "李娜",
    verification: base.verification,
  },
};
