import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Progress } from "antd";
import { useEffect, useRef } from "react";
import { type ApiData, call, yz } from "../../api/client";
import { useI18n } from "../../i18n/useT";

export type DemoHistoryStatus = ApiData<"/api/demo/history">;

/** The demo history's progress (GET /api/demo/history), polled every 3 s while it is generated. */
export function useDemoHistoryStatus() {
  return useQuery({
    queryKey: ["demo", "history"],
    queryFn: () => call(yz.GET("/api/demo/history")),
    refetchInterval: (q) => (q.state.data?.state === "running" ? 3_000 : false),
    staleTime: 60_000,
  });
}

/**
 * "演示历史数据生成中 42%": shown on every signed-in page while `yizhan start --demo` fills in the demo
 * history in the background (ADR 0013), so that figures still growing are not taken for the whole
 * story. Renders nothing otherwise (no history, done, or while loading). When it finishes, every query
 * is refreshed once, so the dashboards show the complete months.
 */
export function DemoHistoryBanner() {
  const { t } = useI18n();
  const q = useDemoHistoryStatus();
  const client = useQueryClient();
  const wasRunning = useRef(false);
  const state = q.data?.state;
  useEffect(() => {
    if (state === "running") wasRunning.current = true;
    else if (wasRunning.current && state === "done") {
      wasRunning.current = false;
      void client.invalidateQueries();
    }
  }, [state, client]);
  const data = q.data;
  if (data?.state !== "running") return null;
  const { percent, from, to } = data;
  return (
    <Alert
      type="info"
      showIcon
      banner
      data-testid="demo-history-banner"
      style={{ marginBottom: 16 }}
      title={t("demo.history.running", { percent })}
      description={
        <>
          {t("demo.history.hint", { from: from ?? "", to: to ?? "" })}
          <Progress percent={percent} size="small" status="active" aria-label={t("demo.history.progress")} />
        </>
      }
    />
  );
}
