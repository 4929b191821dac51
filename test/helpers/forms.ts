/** Application forms of the demo catalog items that satisfy their schemas, for tests and factories. */

/** 国有建设用地使用权首次登记, with a parcel boundary (red-line map). */
export const REG_FORM = {
  rightHolder: "安徽三木新材料科技有限公司",
  rightHolderCode: "91340321MA2T5ABC0H",
  parcelLocation: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
  unitNumber: "340321003001GB00018W00000000",
  parcelArea: 53333.5,
  landUse: "工业用地",
  rightNature: "出让",
  contractNo: "怀土出〔2026〕18号",
  termStart: "2026-11-01",
  termEnd: "2076-10-31",
  extraCertificates: 1,
  boundary: {
    type: "Polygon",
    coordinates: [
      [
        [117.2001, 32.9701],
        [117.2049, 32.9702],
        [117.2051, 32.9663],
        [117.2003, 32.9661],
        [117.2001, 32.9701],
      ],
    ],
  },
};

/** 不动产登记资料查询 (即办件), by the right holder. */
export const INQUIRY_FORM = { applicantRole: "权利人", queryScope: "登记结果", purpose: "办理贷款。" };
