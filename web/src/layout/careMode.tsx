import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { saveCareModePreference } from "../auth/mutations";
import type { Me } from "../auth/types";
import { ME_KEY, useMe } from "../auth/useMe";

const STORAGE_KEY = "yz_care";

/**
 * 关怀模式: `on` is the switch (the signed-in user's preference, else this browser's choice); `shown`
 * whether this user has the switch (visitors, applicants); `active` whether the mode applies now.
 */
export type CareMode = { on: boolean; active: boolean; shown: boolean; setOn: (on: boolean) => void };

const CareContext = createContext<CareMode>({ on: false, active: false, shown: false, setOn: () => {} });

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

/**
 * 关怀模式 for the applicant's and the public pages: larger text, higher contrast, bigger controls and
 * simpler wording (theme.ts, i18n/careWording.ts). Staff see the standard frame whatever the switch says:
 * the switch is shown to visitors and applicants only. Remembered in this browser and, for a signed-in
 * user, in the account (`PUT /api/auth/me/preferences`), so it follows the applicant to another device.
 */
export function CareModeProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { me } = useMe();
  const [anonymous, setAnonymous] = useState(stored);
  const on = me ? me.careMode : anonymous;
  const shown = !me || me.roles.length === 0 || me.roles.some((r) => r.role === "applicant");
  const active = on && shown;

  const setOn = useCallback(
    (next: boolean) => {
      setAnonymous(next);
      try {
        localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
      } catch {
        // storage disabled: the choice lasts for this page only
      }
      const current = qc.getQueryData<Me | null>(ME_KEY);
      if (!current) return;
      const updated: Me = { ...current, careMode: next };
      qc.setQueryData<Me | null>(ME_KEY, updated);
      // Not saved (offline, session gone): the switch still holds in this browser.
      saveCareModePreference(next).catch(() => undefined);
    },
    [qc],
  );

  useEffect(() => {
    // global.css reads it: 18 px text and larger inline-sized notes.
    if (active) document.documentElement.dataset.care = "on";
    else delete document.documentElement.dataset.care;
  }, [active]);

  const value = useMemo(() => ({ on, active, shown, setOn }), [on, active, shown, setOn]);
  return <CareContext.Provider value={value}>{children}</CareContext.Provider>;
}

export function useCareMode(): CareMode {
  return useContext(CareContext);
}
