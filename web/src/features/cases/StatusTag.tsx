import { Tag } from "antd";
import type { Bilingual } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";

const COLORS: Record<string, string> = {
  draft: "default",
  submitted: "processing",
  correction_requested: "warning",
  accepted: "cyan",
  in_review: "blue",
  suspended: "purple",
  approved: "success",
  denied: "error",
  completed: "green",
  not_accepted: "error",
  referred: "geekblue",
  withdrawn: "default",
  expired: "default",
};

type Props = {
  /** Case status code (draft, submitted, in_review …). */
  status: string;
  /** The server's bilingual label (`statusLabel`); the UI dictionary is used without it. */
  label?: Bilingual | null;
};

/** A case's status as a coloured tag (`data-testid="status-tag"`, `data-status`). */
export function StatusTag({ status, label }: Props) {
  const { t, locale } = useI18n();
  const text = label?.[locale] ?? t(`cases.status.${status}` as MessageKey) ?? status;
  return (
    <Tag
      color={COLORS[status] ?? "default"}
      data-testid="status-tag"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {text}
    </Tag>
  );
}
