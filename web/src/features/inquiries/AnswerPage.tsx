import { MessageOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Form, Input, Skeleton, Space, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { usePublicInquiry } from "./api";
import { useIT } from "./i18n";

/** The public answer page: a question and its answer by query code — nothing personal. */
export default function AnswerPage() {
  const { locale } = useI18n();
  const it = useIT();
  const [params, setParams] = useSearchParams();
  const code = params.get("code") ?? "";
  const q = usePublicInquiry(code);
  const err = q.error;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-ask-answer">
      <Card>
        <Typography.Title level={4} data-testid="page-title">
          <MessageOutlined /> {it("lookupTitle")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{it("lookupHint")}</Typography.Paragraph>
        <Form<{ code: string }>
          layout="inline"
          initialValues={{ code }}
          onFinish={(v) => setParams({ code: v.code.trim().toUpperCase() })}
          style={{ rowGap: 12 }}
        >
          <Form.Item
            name="code"
            label={it("queryCode")}
            rules={[{ required: true, whitespace: true, message: it("codeRequired") }]}
          >
            <Input style={{ width: 180 }} maxLength={20} data-testid="answer-code-input" />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={q.isFetching}
              data-testid="answer-search"
            >
              {it("lookup")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {q.isLoading && <Skeleton active />}
      {err && (
        <Alert
          type={err instanceof ApiError && err.status === 404 ? "warning" : "error"}
          showIcon
          title={
            err instanceof ApiError && err.status === 404
              ? it("notFound")
              : err instanceof ApiError
                ? err.messageIn(locale)
                : it("loadError")
          }
          data-testid="answer-error"
        />
      )}
      {q.data && (
        <Card data-testid="answer-result">
          <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: "nowrap" } }}>
            <Descriptions.Item label={it("item")}>
              {q.data.itemCode ? <Link to={`/guide/items/${q.data.itemCode}`}>{q.data.itemName}</Link> : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={it("askedAt")}>{formatDateTime(q.data.askedAt)}</Descriptions.Item>
            <Descriptions.Item label={it("status")}>
              {q.data.status === "answered" ? (
                <Tag color="green" data-testid="answer-status">
                  {it("answered")}
                </Tag>
              ) : (
                <Tag color="orange" data-testid="answer-status">
                  {it("waiting")}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={it("question")}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                {q.data.question}
              </Typography.Paragraph>
            </Descriptions.Item>
            {q.data.answer !== null && (
              <Descriptions.Item label={it("answer")}>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }} data-testid="answer-text">
                  {q.data.answer}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {q.data.orgName} · {formatDateTime(q.data.answeredAt)}
                </Typography.Text>
              </Descriptions.Item>
            )}
            {q.data.policyReference && (
              <Descriptions.Item label={it("policyShort")}>{q.data.policyReference}</Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
