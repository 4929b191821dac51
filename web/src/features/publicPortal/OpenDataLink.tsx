import { DatabaseOutlined } from "@ant-design/icons";
import { Link } from "react-router-dom";
import { useT } from "../../i18n/useT";

/** The link from a published page to its downloads (/open-data). */
export function OpenDataLink() {
  const t = useT();
  return (
    <Link to="/open-data" data-testid="open-data-link">
      <DatabaseOutlined /> {t("pub.openDataLink")}
    </Link>
  );
}
