import { Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/useT";
import { usePolicies } from "./api";

export type PickedPolicy = { id: string; title: string; docNumber: string };

/** A search box over the library: picking a document hands it over (the training form adds it). */
export function LibraryPicker({ onPick }: { onPick: (d: PickedPolicy) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const found = usePolicies(q, {}, 0);
  const items = found.data?.items ?? [];
  return (
    <Select<string>
      style={{ width: "100%", marginBottom: 8 }}
      value={null}
      placeholder={t("policies.pick")}
      aria-label={t("policies.pick")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isLoading}
      data-testid="library-picker"
      options={items.map((p) => ({
        value: p.id,
        label: `${p.title}${p.docNumber ? `（${p.docNumber}）` : ""}`,
      }))}
      onChange={(id) => {
        const p = items.find((x) => x.id === id);
        if (p) onPick({ id: p.id, title: p.title, docNumber: p.docNumber });
      }}
    />
  );
}
