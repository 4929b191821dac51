import { Card, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ZhText } from "../../components/ZhText";
import { useT } from "../../i18n/useT";
import { ApplyOnline } from "./ApplyOnline";
import type { ItemSummary } from "./api";
import { handlingKey, kindKey } from "./labels";

/** One item in the guide's list: its name (a link to the guide page) and the figures applicants ask first. */
export function ItemCard({ item }: { item: ItemSummary }) {
  const t = useT();
  const promised =
    item.handlingType === "immediate" ? t("guide.immediate") : t("guide.days", { n: item.promisedLimitDays });
  return (
    <Card size="small" hoverable data-testid="guide-item-card" style={{ height: "100%" }}>
      <Link to={`/guide/items/${item.code}`} data-testid={`guide-item-${item.code}`}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          <ZhText>{item.name}</ZhText>
        </Typography.Text>
      </Link>
      <div style={{ margin: "8px 0" }}>
        <Space size={[4, 4]} wrap>
          <Tag color="red">{t(kindKey(item.kind))}</Tag>
          <Tag color={item.handlingType === "immediate" ? "green" : "blue"}>
            {t(handlingKey(item.handlingType))}
          </Tag>
          {item.handledByTownship && <Tag color="orange">{t("guide.township")}</Tag>}
          {item.onlineAvailable && <Tag>{t("guide.online")}</Tag>}
        </Space>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t("guide.promised")} {promised} · {t("guide.statutory")}{" "}
        {t("guide.days", { n: item.statutoryLimitDays })} · {t("guide.visits")}{" "}
        {t("guide.visitsN", { n: item.visitsRequired })} ·{" "}
        {item.charged ? t("guide.charged") : t("guide.free")}
      </Typography.Text>
      <Space style={{ justifyContent: "space-between", width: "100%", marginTop: 8 }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <ZhText>{item.department?.name ?? item.orgName}</ZhText>
        </Typography.Text>
        <ApplyOnline
          code={item.code}
          online={item.onlineAvailable}
          township={item.handledByTownship}
          size="small"
        />
      </Space>
    </Card>
  );
}
