import { Alert, Button, Checkbox, Form, Input, Radio, Space, Typography } from "antd";
import { ApiError } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import {
  EVALUATION_LEVELS,
  EVALUATION_TAGS,
  type SubmitResult,
  type TEvaluationInvitation,
  useSubmitEvaluation,
} from "./api";

type Values = {
  dimensions: Record<string, string>;
  comment?: string;
  tags?: string[];
  publishComment?: boolean;
};

type Props = {
  /** How the form was reached: invitation id, link token or tablet token. */
  refKey: string;
  invitation: TEvaluationInvitation;
  /** Large controls for the window tablet. */
  large?: boolean;
  onDone: (r: SubmitResult) => void;
};

/**
 * The rating form: the five levels for each dimension of the channel (整体满意度 first), a comment, tags,
 * and whether the comment may be published. Submits once; server problems are shown on their fields.
 */
export function RatingForm({ refKey, invitation, large, onDone }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitEvaluation(refKey);
  const onFinish = (v: Values) =>
    submit.mutate(
      {
        dimensions: v.dimensions as never,
        comment: v.comment?.trim() || undefined,
        tags: (v.tags ?? []) as never,
        publishComment: !!v.publishComment,
      },
      {
        onSuccess: onDone,
        onError: (e) => {
          if (e instanceof ApiError && e.problem.errors?.length) {
            form.setFields(
              e.problem.errors.map((x) => ({
                name: x.field.split(".") as ["dimensions", string],
                errors: [x.message?.[locale] ?? String(x.code)],
              })),
            );
          }
        },
      },
    );
  const size = large ? "large" : "middle";
  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="rating-form" size={size}>
      <Typography.Paragraph type="secondary">{t("eval.form.hint")}</Typography.Paragraph>
      {invitation.dimensions.map((d) => (
        <Form.Item
          key={d}
          name={["dimensions", d]}
          label={<strong>{t(`eval.dim.${d}` as MessageKey)}</strong>}
          rules={[
            { required: true, message: t("eval.form.required", { dim: t(`eval.dim.${d}` as MessageKey) }) },
          ]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size={size}
            data-testid={`rate-${d}`}
            style={{ display: "flex", flexWrap: "wrap", gap: 8 }}
            options={EVALUATION_LEVELS.map((l) => ({
              value: l,
              label: <span data-testid={`rate-${d}-${l}`}>{t(`eval.level.${l}` as MessageKey)}</span>,
            }))}
          />
        </Form.Item>
      ))}
      <Form.Item name="tags" label={t("eval.form.tags")}>
        <Checkbox.Group
          options={EVALUATION_TAGS.map((g) => ({ value: g, label: t(`eval.tag.${g}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item name="comment" label={t("eval.form.comment")}>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t("eval.form.commentPlaceholder")}
          data-testid="rating-comment"
        />
      </Form.Item>
      <Form.Item name="publishComment" valuePropName="checked">
        <Checkbox data-testid="rating-publish">{t("eval.form.publish")}</Checkbox>
      </Form.Item>
      {submit.error && !(submit.error instanceof ApiError && submit.error.problem.errors?.length) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="rating-error"
          title={
            submit.error instanceof ApiError ? submit.error.messageIn(locale) : String(submit.error.message)
          }
        />
      )}
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={submit.isPending}
          data-testid="rating-submit"
          size={size}
        >
          {t("eval.form.submit")}
        </Button>
      </Space>
    </Form>
  );
}
