import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, Grid } from "antd";
import enUSAntd from "antd/locale/en_US";
import zhCNAntd from "antd/locale/zh_CN";
import { type ReactNode, useMemo, useSyncExternalStore } from "react";
import { ApiError } from "./api/client";
import { I18nProvider } from "./i18n/I18nProvider";
import { useI18n } from "./i18n/useT";
import { CareModeProvider, useCareMode } from "./layout/careMode";
import { themeFor } from "./theme";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

/** Whether the system asks for less motion; follows changes of the setting. */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia?.(REDUCED_MOTION);
      query?.addEventListener("change", onChange);
      return () => query?.removeEventListener("change", onChange);
    },
    () => window.matchMedia?.(REDUCED_MOTION).matches ?? false,
    () => false,
  );
}

function AntdConfig({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const care = useCareMode().active;
  // Phones (below antd's `sm`, 576 px): 44 px controls.
  const phone = Grid.useBreakpoint().sm === false;
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => themeFor({ phone, care, reducedMotion }), [phone, care, reducedMotion]);
  return (
    <ConfigProvider locale={locale === "zh-CN" ? zhCNAntd : enUSAntd} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Query cache, 关怀模式, language and Ant Design configuration (theme per screen and mode) for every page. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CareModeProvider>
        <I18nProvider>
          <AntdConfig>{children}</AntdConfig>
        </I18nProvider>
      </CareModeProvider>
    </QueryClientProvider>
  );
}
