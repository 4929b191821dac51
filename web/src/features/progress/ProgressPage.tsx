import { FieldTimeOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Skeleton, Space, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { usePublicProgress } from "./api";
import { ProgressResult } from "./ProgressResult";

type Values = { number: string; queryCode: string };

/** nav.progress: a case's progress by number and query code, without signing in (阳光下工作). */
export default function ProgressPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const number = params.get("number") ?? "";
  const queryCode = params.get("code") ?? "";
  const q = usePublicProgress(number, queryCode);
  const onFinish = (v: Values) =>
    setParams({ number: v.number.trim(), code: v.queryCode.trim().toUpperCase() });
  const err = q.error;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-progress">
      <Card>
        <Typography.Title level={4} data-testid="page-title">
          <FieldTimeOutlined /> {t("nav.progress")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("progress.hint")}</Typography.Paragraph>
        <Form<Values>
          layout="inline"
          initialValues={{ number, queryCode }}
          onFinish={onFinish}
          style={{ rowGap: 12 }}
        >
          <Form.Item
            name="number"
            label={t("case.number")}
            rules={[{ required: true, whitespace: true, message: t("progress.numberRequired") }]}
          >
            <Input
              placeholder="340321-20261126-0001"
              style={{ width: 240 }}
              data-testid="progress-number-input"
            />
          </Form.Item>
          <Form.Item
            name="queryCode"
            label={t("case.queryCode")}
            rules={[{ required: true, whitespace: true, message: t("progress.codeRequired") }]}
          >
            <Input style={{ width: 160 }} data-testid="progress-code-input" />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={q.isFetching}
              data-testid="progress-search"
            >
              {t("progress.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {q.isLoading && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {err && (
        <Alert
          type={err instanceof ApiError && err.status === 404 ? "warning" : "error"}
          showIcon
          data-testid="progress-error"
          title={
            err instanceof ApiError && err.status === 404
              ? t("progress.notFound")
              : err instanceof ApiError && err.status === 429
                ? t("progress.rateLimited")
                : ((err instanceof ApiError ? err.messageIn(locale) : err.message) ?? t("error.generic"))
          }
        />
      )}
      {q.data && <ProgressResult p={q.data} />}
    </Space>
  );
}
