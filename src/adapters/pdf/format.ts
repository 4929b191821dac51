const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const;
const POSITION_UNITS = ["", "拾", "佰", "仟"] as const;
const SECTION_UNITS = ["", "万", "亿", "万亿"] as const;

/**
 * Formats an ISO date `YYYY-MM-DD` the way Chinese official documents write it: `2026年11月26日`
 * (GB/T 9704-2012 §7.3.5.3: Arabic numerals, year in full, no leading zeros in month and day).
 */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${isoDate}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Formats a document number (发文字号) as `怀自然资受〔2026〕12号`: issuer prefix, year in 六角括号
 * 〔〕, serial without leading zeros and without 第 (GB/T 9704-2012 §7.2.4).
 */
export function formatDocumentNumber(prefix: string, year: number, serial: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(serial) || serial < 1) {
    throw new RangeError(`bad document number: ${prefix} ${year} ${serial}`);
  }
  return `${prefix}〔${year}〕${serial}号`;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount must be an integer number of fen: ${fen}`);
}

/** Formats an integer amount in fen as yuan with two decimals and thousands separators: `1,234.50`. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${yuan}.${(abs % 100).toString().padStart(2, "0")}`;
}

/** Chinese capital numerals for a whole number of yuan (no unit), e.g. 10010 → 壹万零壹拾. */
function integerInCapitals(n: number): string {
  const digits = n.toString();
  let out = "";
  let zeroPending = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    const pos = digits.length - 1 - i;
    const section = Math.floor(pos / 4);
    if (d === 0) {
      zeroPending = out !== "";
    } else {
      if (zeroPending) out += "零";
      zeroPending = false;
      out += DIGITS[d] + POSITION_UNITS[pos % 4];
    }
    if (pos % 4 === 0 && section > 0 && Math.floor(n / 10_000 ** section) % 10_000 !== 0) {
      out += SECTION_UNITS[section];
    }
  }
  return out;
}

/**
 * Writes an integer amount in fen in Chinese capital numerals (大写金额) as on receipts and bills:
 * 55000 → `伍佰伍拾元整`, 105 → `壹元零伍分`, 50 → `伍角整`, 0 → `零元整`; negatives (refunds) get
 * `负`. Rules of the People's Bank of China 支付结算办法 (附: 正确填写票据和结算凭证的基本规定): 整 after
 * 元 or 角 when there is no 分; one 零 for a run of zeros; 零 between 元 and 分 when 角 is zero.
 */
export function amountInCapitals(fen: number): string {
  assertFen(fen);
  if (fen === 0) return "零元整";
  const sign = fen < 0 ? "负" : "";
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const jiao = Math.trunc(abs / 10) % 10;
  const cents = abs % 10;
  let out = yuan > 0 ? `${integerInCapitals(yuan)}元` : "";
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0) out += "零";
  out += cents > 0 ? `${DIGITS[cents]}分` : "整";
  return sign + out;
}

/** Writes a count of working days for a notice: `5个工作日`. */
export function formatWorkingDays(days: number): string {
  return `${days}个工作日`;
}
