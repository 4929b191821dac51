import { ClockCircleOutlined } from "@ant-design/icons";
import { Card, Empty, Result, Typography } from "antd";
import type { ComponentType } from "react";
import type { MessageKey } from "../i18n/translate";
import { useT } from "../i18n/useT";

type Props = {
  /** Used for `data-testid="page-<id>"`. */
  id: string;
  titleKey: MessageKey;
  descKey: MessageKey;
  icon: ComponentType;
};

/**
 * The honest placeholder of an area whose features come with a later issue: it says what the area
 * is for and that it is not there yet. No fake data.
 */
export function ComingLater({ id, titleKey, descKey, icon: Icon }: Props) {
  const t = useT();
  return (
    <Card data-testid={`page-${id}`}>
      <Result
        icon={<Icon />}
        title={<span data-testid="page-title">{t(titleKey)}</span>}
        subTitle={t(descKey)}
      />
      <Empty
        styles={{ image: { height: 44 } }}
        image={<ClockCircleOutlined style={{ fontSize: 40, color: "#bfbfbf" }} />}
        description={
          <>
            <Typography.Text strong>{t("placeholder.later")}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t("placeholder.laterDetail")}</Typography.Text>
          </>
        }
      />
    </Card>
  );
}
