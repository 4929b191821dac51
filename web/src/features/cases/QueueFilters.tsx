import { FilterOutlined } from "@ant-design/icons";
import { Button, DatePicker, Grid, Input, Select, Space } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { Schemas } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import { useFileableItems } from "../workbench/api";

/** The clock states a queue filters by (the contract's `Clock.state`). */
export type ClockState = Schemas["CaseSummary"]["clock"]["state"];
const CLOCK_STATES: ClockState[] = ["red", "yellow", "normal", "paused", "not_started", "stopped"];

/** The filters of a staff queue, as the URL carries them (shareable, kept on reload). */
export type QueueFilterValues = {
  q?: string;
  applicant?: string;
  itemCode?: string;
  from?: string;
  to?: string;
  clock?: ClockState[];
};

const KEYS = ["q", "applicant", "itemCode", "from", "to"] as const;

/** The queue filters of the page's URL, and a setter that keeps the other parameters (the tab). */
export function useQueueFilters(): [QueueFilterValues, (next: QueueFilterValues) => void] {
  const [params, setParams] = useSearchParams();
  const values: QueueFilterValues = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) values[k] = v;
  }
  const clock = params.getAll("clock").filter((c): c is ClockState => CLOCK_STATES.includes(c as ClockState));
  if (clock.length) values.clock = clock;
  const set = (next: QueueFilterValues) => {
    const p = new URLSearchParams(params);
    for (const k of [...KEYS, "clock"]) p.delete(k);
    for (const k of KEYS) if (next[k]) p.set(k, next[k] as string);
    for (const c of next.clock ?? []) p.append("clock", c);
    setParams(p, { replace: true });
  };
  return [values, set];
}

/**
 * Search and filters of a staff queue: number / item / applicant text, the applicant (a name, or a whole
 * credit code or ID number: the lists show them masked), the item, the dates received and the clock. On a
 * phone only the search shows at first, with a 更多筛选 button: five full-width filters took the whole
 * first screen before the queue itself.
 */
export function QueueFilters({
  values,
  onChange,
  withApplicant = true,
  withClock = true,
}: {
  values: QueueFilterValues;
  onChange: (v: QueueFilterValues) => void;
  withApplicant?: boolean;
  withClock?: boolean;
}) {
  const { t } = useI18n();
  const items = useFileableItems();
  const set = (patch: Partial<QueueFilterValues>) => onChange({ ...values, ...patch });
  const any = Object.values(values).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));
  const phone = Grid.useBreakpoint().sm === false;
  const others = Object.entries(values).filter(
    ([k, v]) => k !== "q" && (Array.isArray(v) ? v.length : v),
  ).length;
  const [more, setMore] = useState(false);
  const folded = phone && !more && others === 0;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="queue-filters">
      <Input.Search
        allowClear
        style={{ width: 260 }}
        placeholder={t("queues.search")}
        aria-label={t("queues.searchLabel")}
        defaultValue={values.q}
        key={`q-${values.q ?? ""}`}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        data-testid="queue-search"
      />
      {folded && (
        <Button icon={<FilterOutlined />} onClick={() => setMore(true)} data-testid="queue-more-filters">
          {t("queues.moreFilters")}
        </Button>
      )}
      {!folded && withApplicant && (
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t("queues.applicant")}
          aria-label={t("queues.applicant")}
          title={t("queues.applicantHelp")}
          defaultValue={values.applicant}
          key={`a-${values.applicant ?? ""}`}
          onSearch={(v) => set({ applicant: v.trim() || undefined })}
          data-testid="queue-applicant"
        />
      )}
      {!folded && (
        <Select
          allowClear
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("queues.item")}
          aria-label={t("queues.itemLabel")}
          value={values.itemCode}
          onChange={(v) => set({ itemCode: v || undefined })}
          options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
          data-testid="queue-item"
        />
      )}
      {!folded && (
        <DatePicker.RangePicker
          aria-label={t("queues.dates")}
          placeholder={[t("queues.dates"), t("queues.dates")]}
          value={values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : null}
          onChange={(r) => set({ from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") })}
        />
      )}
      {!folded && withClock && (
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t("queues.clock")}
          aria-label={t("queues.clock")}
          value={values.clock ?? []}
          onChange={(v: ClockState[]) => set({ clock: v.length ? v : undefined })}
          options={CLOCK_STATES.map((s) => ({ value: s, label: t(`queues.clock.${s}`) }))}
          data-testid="queue-clock"
        />
      )}
      {any && (
        <Button onClick={() => onChange({})} data-testid="queue-clear">
          {t("queues.clear")}
        </Button>
      )}
    </Space>
  );
}
