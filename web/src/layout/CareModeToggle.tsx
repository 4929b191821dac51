import { EyeOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useT } from "../i18n/useT";
import { useCareMode } from "./careMode";

/**
 * The 关怀模式 switch in the header of the public and applicant frames: one press for larger text, higher
 * contrast, bigger controls and simpler words; pressed again, the standard view. Remembered in this browser.
 * `compact` (phones): the eye icon alone, named for screen readers, so the header's brand and menu
 * button keep their room.
 */
export function CareModeToggle({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const care = useCareMode();
  if (!care.shown) return null;
  return (
    <Button
      type={care.on ? "primary" : "default"}
      ghost={care.on}
      icon={<EyeOutlined />}
      aria-pressed={care.on}
      title={t(care.on ? "care.switchOff" : "care.switchOn")}
      onClick={() => care.setOn(!care.on)}
      aria-label={compact ? t("care.on") : undefined}
      data-testid="care-toggle"
    >
      {compact ? null : t("care.on")}
    </Button>
  );
}
