import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from "echarts";
import { CustomChart, ScatterChart } from "echarts/charts";
import { GridComponent, MarkAreaComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { OFFICE_UTC_OFFSET_MS, officeClock } from "../../../../../src/shared/localTime";
import type { MessageKey } from "../../../i18n/translate";
import { useI18n } from "../../../i18n/useT";
import { formatDateTime, reviewStatusKey } from "../labels";
import { ganttData } from "../timelineData";
import type { CaseTimeline } from "../types";
import { EChart } from "./EChart";

echarts.use([CustomChart, ScatterChart, GridComponent, TooltipComponent, MarkAreaComponent, CanvasRenderer]);

type Props = { timeline: CaseTimeline; eventLabel: (type: string) => string };

/**
 * The Gantt-like chart of a case: a row of event markers, a row of the case's status spans, one row per
 * department's review task side by side, and the clock's pauses shaded across all rows.
 */
export function TimelineChart({ timeline, eventLabel }: Props) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const g = ganttData(timeline, Date.now(), (s) => t(`cases.status.${s}` as MessageKey));
    const rowNames = g.rows.map((r, i) =>
      i === 0 ? t("timeline.events.marker") : i === 1 ? t("timeline.caseRow") : r,
    );
    const renderItem = (_p: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const row = api.value(0) as number;
      const start = api.coord([api.value(1), row]);
      const end = api.coord([api.value(2), row]);
      const size = api.size ? (api.size([0, 1]) as number[]) : [0, 20];
      const h = (size[1] ?? 20) * 0.56;
      const x = start[0] ?? 0;
      const w = Math.max((end[0] ?? 0) - x, 3);
      return {
        type: "rect" as const,
        shape: { x, y: (start[1] ?? 0) - h / 2, width: w, height: h, r: 3 },
        style: { fill: api.visual("color") as string },
      };
    };
    // The axis is drawn in UTC on the office's wall-clock times (officeClock): its day and hour ticks and
    // labels are Asia/Shanghai's whatever the browser's zone; tooltips turn them back into instants.
    const at = (shifted: number | undefined) =>
      formatDateTime(new Date((shifted ?? 0) - OFFICE_UTC_OFFSET_MS));
    return {
      animation: false,
      useUTC: true,
      grid: { left: 8, right: 24, top: 16, bottom: 32, containLabel: true },
      tooltip: { trigger: "item", confine: true },
      xAxis: {
        type: "time",
        min: officeClock(g.min),
        max: officeClock(g.max),
        axisLabel: {
          hideOverlap: true,
          formatter: { day: "{MM}-{dd}", hour: "{HH}:{mm}", minute: "{HH}:{mm}" },
        },
        splitLine: { show: true, lineStyle: { color: "#f0f0f0" } },
      },
      yAxis: {
        type: "category",
        data: rowNames,
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 220, overflow: "truncate" },
      },
      series: [
        {
          type: "custom",
          name: "spans",
          renderItem,
          encode: { x: [1, 2], y: 0 },
          data: g.spans.map((s) => ({
            value: [s.row, officeClock(s.start), officeClock(s.end)],
            itemStyle: { color: s.color },
            name: s.kind === "task" ? t(reviewStatusKey(s.label)) : s.label,
          })),
          tooltip: {
            formatter: (p: { name: string; value: number[] }) =>
              `${p.name}<br/>${at(p.value[1])} → ${at(p.value[2])}`,
          },
          markArea: {
            silent: true,
            itemStyle: { color: "rgba(114, 46, 209, 0.10)" },
            label: { color: "#722ed1", position: "insideTop" },
            data: g.pauses.map((p) => [
              { xAxis: officeClock(p.from), name: t("timeline.pause") },
              { xAxis: officeClock(p.to) },
            ]),
          },
        },
        {
          type: "scatter",
          name: "events",
          symbol: "diamond",
          symbolSize: 12,
          itemStyle: { color: "#fa541c" },
          data: g.markers.map((m) => ({
            value: [officeClock(m.at), rowNames[0]],
            name: eventLabel(m.type),
            actor: m.actor,
          })),
          tooltip: {
            formatter: (p: { name: string; value: [number, string]; data: { actor: string | null } }) =>
              `${p.name}<br/>${at(p.value[0])}${p.data.actor ? ` · ${p.data.actor}` : ""}`,
          },
        },
      ],
    };
  }, [timeline, t, eventLabel]);
  const height = Math.max(200, 70 + (timeline.tasks.length + 2) * 44);
  return (
    <div data-testid="timeline-chart">
      <EChart option={option} style={{ height, width: "100%" }} />
    </div>
  );
}
