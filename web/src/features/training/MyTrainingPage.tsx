import { BookOutlined } from "@ant-design/icons";
import { Card, Skeleton, Typography } from "antd";
import { useMe } from "../../auth/useMe";
import { useI18n } from "../../i18n/useT";
import { TrainingHistory } from "./TrainingHistory";

/** `/my/training` (any staff member): the caller's own training history (我的培训). */
export default function MyTrainingPage() {
  const { t } = useI18n();
  const { me, isLoading } = useMe();
  return (
    <Card data-testid="page-my-training">
      <Typography.Title level={4} data-testid="page-title">
        <BookOutlined /> {t("training.my.title")}
      </Typography.Title>
      {isLoading || !me ? <Skeleton active /> : <TrainingHistory userId={me.id} />}
    </Card>
  );
}
