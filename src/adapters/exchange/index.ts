export {
  CsvError,
  type CsvRecord,
  type CsvRow,
  csvRecords,
  decodeCsvBytes,
  parseCsv,
  parseCsvRows,
} from "./csv";
export { DirectoryConnector } from "./directory";
export { type HttpConnectorOptions, HttpJsonConnector } from "./http";
export { canonicalRequest, SIGNATURE_HEADERS, signRequest, verifyRequest } from "./signature";
export type { ExchangeConnector, LookupResult, SharedDocument } from "./types";
export { exchangeTimeout, exchangeUnavailable } from "./types";
