import { FormOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { LinkButton } from "../../components/LinkButton";
import { useT } from "../../i18n/useT";

/**
 * 在线办理: to the portal's apply page with the item chosen (`/portal/apply?item=…`); a visitor signs in
 * first and comes back there. An item that cannot be applied for online (or that a township handles)
 * says where to go instead.
 */
export function ApplyOnline({
  code,
  online,
  township,
  size,
}: {
  code: string;
  online: boolean;
  township: boolean;
  size?: "small" | "middle" | "large";
}) {
  const t = useT();
  if (!online || township) {
    return (
      <Tooltip title={t(township ? "guide.applyTownshipHint" : "guide.applyWindowHint")}>
        <Button size={size} disabled data-testid={`apply-online-${code}`}>
          {t(township ? "guide.applyTownship" : "guide.applyWindow")}
        </Button>
      </Tooltip>
    );
  }
  return (
    <LinkButton
      to={`/portal/apply?item=${encodeURIComponent(code)}`}
      type="primary"
      size={size}
      icon={<FormOutlined />}
      data-testid={`apply-online-${code}`}
    >
      {t("guide.applyOnline")}
    </LinkButton>
  );
}
