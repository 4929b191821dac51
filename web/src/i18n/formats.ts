/**
 * What a field expects, said before anyone types it wrong (issue 15 item 5): shown under the field of the
 * applicant's form (features/cases/formatHints.ts reads the item's JSON Schema) and of the staff forms.
 */
export const formatsZh = {
  "format.idNumber": "18 位居民身份证号，最后一位可以是 X，如 340321199001011234",
  "format.creditCode": "18 位统一社会信用代码（数字和大写字母），如 91340321MA2N0XXXX0",
  "format.phone": "11 位手机号码，如 13912345678",
  "format.date": "年-月-日，如 2026-12-07",
  "format.area": "单位：平方米，只填数字，如 1200.5",
  "format.number": "只填数字",
  "format.projectCode": "投资项目统一代码，如 2026-340321-30-03-012345",
  "format.unitNumber": "28 位不动产单元号（字母和数字）",
};

export const formatsEn: Record<keyof typeof formatsZh, string> = {
  "format.idNumber": "18 characters, the last may be X, e.g. 340321199001011234",
  "format.creditCode": "18 digits and capital letters, e.g. 91340321MA2N0XXXX0",
  "format.phone": "11-digit mobile number, e.g. 13912345678",
  "format.date": "Year-month-day, e.g. 2026-12-07",
  "format.area": "In square metres, a number only, e.g. 1200.5",
  "format.number": "A number only",
  "format.projectCode": "Investment project code, e.g. 2026-340321-30-03-012345",
  "format.unitNumber": "28 letters and digits",
};
