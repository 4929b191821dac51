import { Alert, Button, Tag } from "antd";
import { ApiError } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";

const STATUS_COLORS: Record<string, string> = { in_force: "green", amended: "orange", repealed: "default" };

/** A document's status as a coloured tag (现行有效 / 已修订 / 已废止). */
export function PolicyStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`policy-status-${status}`}>
      {t(`policies.status.${status}` as MessageKey)}
    </Tag>
  );
}

/** A document's level as a tag (国家 / 省级 / 市级 / 县级). */
export function PolicyLevelTag({ level }: { level: string }) {
  const { t } = useI18n();
  return <Tag color="blue">{t(`policies.level.${level}` as MessageKey)}</Tag>;
}

/** Text split at the query's hits, the hits marked (search results). */
export function Highlighted({ parts }: { parts: { text: string; hit: boolean }[] }) {
  // The parts of one text never move: their offset is a stable key.
  let at = 0;
  const keyed = parts.map((p) => {
    const key = `${at}`;
    at += p.text.length;
    return { ...p, key };
  });
  return (
    <>
      {keyed.map((p) =>
        p.hit ? (
          <mark
            key={p.key}
            className="policy-hit"
            style={{ background: "#ffe58f", color: "inherit", padding: 0 }}
          >
            {p.text}
          </mark>
        ) : (
          <span key={p.key}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** A failed query: its message in the current language and a retry button. */
export function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? (error.messageIn(locale) ?? error.message) : t("policies.loadError")}
      action={<Button onClick={retry}>{t("policies.retry")}</Button>}
    />
  );
}

/** The message of a failed write in the current language. */
export function errorText(error: unknown, locale: "zh-CN" | "en-US"): string {
  return error instanceof ApiError ? (error.messageIn(locale) ?? error.message) : String(error);
}

/** Links inside text are underlined (not told apart by colour alone, WCAG 1.4.1). */
export const UNDERLINE = { textDecoration: "underline" } as const;
