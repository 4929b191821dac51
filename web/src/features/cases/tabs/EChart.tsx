import type { EChartsCoreOption } from "echarts/core";
import * as echarts from "echarts/core";
import { type CSSProperties, useEffect, useRef } from "react";

type Props = { option: EChartsCoreOption; style: CSSProperties };

/** An ECharts instance in a div (components registered by the caller with `echarts.use`), resized with it. */
export function EChart({ option, style }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} style={style} />;
}
