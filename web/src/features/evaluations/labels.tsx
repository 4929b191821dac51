import { Tag } from "antd";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";

const LEVEL_COLORS: Record<string, string> = {
  very_satisfied: "green",
  satisfied: "cyan",
  basic: "blue",
  dissatisfied: "orange",
  very_dissatisfied: "red",
};

/** A level as a coloured tag (非常满意 green … 非常不满意 red). */
export function LevelTag({ level }: { level: string }) {
  const { t } = useI18n();
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={`level-${level}`}>
      {t(`eval.level.${level}` as MessageKey)}
    </Tag>
  );
}

/** A rate 0–1 as a percentage with one decimal, or a dash. */
export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`;
