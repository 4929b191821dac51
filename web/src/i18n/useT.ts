import { useContext } from "react";
import { I18nContext, type I18nValue } from "./I18nProvider";

/** The current language, its setter and the translate function `t(key, vars)`. */
export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error("useI18n() outside <I18nProvider>");
  return v;
}

/** The translate function of the current language. */
export function useT(): I18nValue["t"] {
  return useI18n().t;
}
