import { useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import "dayjs/locale/en";
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import type { Locale } from "../api/ApiError";
import { saveLocalePreference } from "../auth/mutations";
import type { Me } from "../auth/types";
import { ME_KEY, useMe } from "../auth/useMe";
import { useCareMode } from "../layout/careMode";
import { CARE_WORDING } from "./careWording";
import { translate } from "./translate";

const STORAGE_KEY = "yz_locale";

export type I18nValue = {
  locale: Locale;
  /** Changes the language; saved to the account when signed in, and in this browser always. */
  setLocale: (locale: Locale) => Promise<void>;
  t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => string;
};

export const I18nContext = createContext<I18nValue | null>(null);

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === "zh-CN" || v === "en-US") return v;
  } catch {
    // storage disabled: Chinese first
  }
  return "zh-CN";
}

function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

/**
 * Chooses the UI language: the signed-in user's preference (from `Me`), else the choice kept in this
 * browser, else Chinese. In 关怀模式 a few texts read more simply (careWording.ts).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { me } = useMe();
  const [anonymous, setAnonymous] = useState<Locale>(storedLocale);
  const locale: Locale = me?.locale ?? anonymous;

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
    storeLocale(locale);
  }, [locale]);

  const setLocale = useCallback(
    async (next: Locale) => {
      setAnonymous(next);
      storeLocale(next);
      const current = qc.getQueryData<Me | null>(ME_KEY);
      if (!current) return;
      const updated: Me = { ...current, locale: next };
      qc.setQueryData<Me | null>(ME_KEY, updated);
      try {
        await saveLocalePreference(next);
      } catch (err) {
        const reverted: Me = { ...updated, locale: current.locale };
        qc.setQueryData<Me | null>(ME_KEY, reverted);
        throw err;
      }
    },
    [qc],
  );

  // 关怀模式 words a few texts more simply (i18n/careWording.ts).
  const care = useCareMode().active;
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => {
        const simple = care ? CARE_WORDING[locale][key] : undefined;
        return simple && !vars ? simple : translate(locale, key, vars);
      },
    }),
    [locale, setLocale, care],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
