import { CheckCircleOutlined, QuestionCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Result, Select, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { LinkButton } from "../../components/LinkButton";
import { useI18n } from "../../i18n/useT";
import { type Created, useCreateInquiry, useItems } from "./api";
import { useIT } from "./i18n";

type Values = { itemCode: string; question: string; askerName?: string; askerContact?: string };

/** nav.ask: the public asks a question online without an account and gets a query code (首问负责). */
export default function AskPage() {
  const { locale } = useI18n();
  const it = useIT();
  const [params] = useSearchParams();
  const items = useItems();
  const create = useCreateInquiry();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<Created | null>(null);
  const error = create.error instanceof ApiError ? create.error : null;

  const submit = (v: Values) =>
    create.mutate(
      {
        itemCode: v.itemCode,
        question: v.question.trim(),
        askerName: v.askerName?.trim() || undefined,
        askerContact: v.askerContact?.trim() || undefined,
      },
      { onSuccess: (c) => setDone(c) },
    );

  if (done)
    return (
      <Card data-testid="page-ask">
        <Result
          icon={<CheckCircleOutlined />}
          status="success"
          title={it("askDone")}
          subTitle={
            <Space orientation="vertical">
              <Typography.Text>
                {it("queryCode")}：
                <Typography.Text strong copyable style={{ fontSize: 20 }} data-testid="ask-query-code">
                  {done.queryCode}
                </Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">{it("askDoneHint")}</Typography.Text>
            </Space>
          }
          extra={[
            <LinkButton
              key="view"
              to={`/ask/answer?code=${done.queryCode}`}
              type="primary"
              data-testid="ask-view-answer"
            >
              {it("viewAnswer")}
            </LinkButton>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                create.reset();
                setDone(null);
              }}
            >
              {it("askAnother")}
            </Button>,
          ]}
        />
      </Card>
    );

  return (
    <Card data-testid="page-ask">
      <Typography.Title level={4} data-testid="page-title">
        <QuestionCircleOutlined /> {it("askTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{it("askHint")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={error.messageIn(locale)}
          data-testid="ask-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ itemCode: params.get("item") ?? undefined }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="itemCode"
          label={it("askItem")}
          rules={[{ required: true, message: it("askItemPick") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={items.isLoading}
            placeholder={it("askItemPick")}
            options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            data-testid="ask-item"
          />
        </Form.Item>
        <Form.Item
          name="question"
          label={it("askQuestion")}
          rules={[{ required: true, whitespace: true, message: it("required") }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="ask-question" />
        </Form.Item>
        <Form.Item name="askerName" label={it("askerName")}>
          <Input maxLength={60} data-testid="ask-name" />
        </Form.Item>
        <Form.Item name="askerContact" label={it("contact")} extra={it("contactHint")}>
          <Input maxLength={100} inputMode="tel" data-testid="ask-contact" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="ask-submit">
            {it("askSubmit")}
          </Button>
          <Link to="/ask/answer">{it("haveCode")}</Link>
        </Space>
      </Form>
    </Card>
  );
}
