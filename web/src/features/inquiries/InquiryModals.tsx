import { Alert, Form, Input, Modal, Select, Typography } from "antd";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { type Inquiry, useColleagues, useCreateInquiry, useInquiryAction, useItems } from "./api";
import { useIT } from "./i18n";

/** The error of a failed action, in the user's language (a 409 says to retry on the reloaded list). */
function ErrorNote({ error }: { error: unknown }) {
  const { locale } = useI18n();
  const it = useIT();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const text =
    e?.status === 409 && e.code === "version_conflict"
      ? it("conflict")
      : (e?.messageIn(locale) ?? it("loadError"));
  return (
    <Alert type="error" showIcon style={{ marginBottom: 12 }} title={text} data-testid="inq-modal-error" />
  );
}

type RecordValues = {
  channel: "window" | "phone";
  question: string;
  askerName?: string;
  askerContact?: string;
  itemCode?: string;
  policyReference?: string;
};

/** Staff record a question asked at the window or by phone; the recorder owns it. */
export function RecordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const it = useIT();
  const [form] = Form.useForm<RecordValues>();
  const create = useCreateInquiry();
  const items = useItems();
  const close = () => {
    form.resetFields();
    create.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={it("record")}
      onCancel={close}
      onOk={() => form.submit()}
      okText={it("submit")}
      cancelText={it("cancel")}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ "data-testid": "inq-record-submit" }}
    >
      <ErrorNote error={create.error} />
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{ channel: "window" }}
        onFinish={(v) =>
          create.mutate(
            {
              ...v,
              question: v.question.trim(),
              askerName: v.askerName?.trim() || undefined,
              askerContact: v.askerContact?.trim() || undefined,
              policyReference: v.policyReference?.trim() || undefined,
            },
            { onSuccess: close },
          )
        }
      >
        <Form.Item name="channel" label={it("channel")} rules={[{ required: true }]}>
          <Select
            options={[
              { value: "window", label: it("window") },
              { value: "phone", label: it("phone") },
            ]}
          />
        </Form.Item>
        <Form.Item name="itemCode" label={it("item")}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
          />
        </Form.Item>
        <Form.Item
          name="question"
          label={it("question")}
          rules={[{ required: true, whitespace: true, message: it("required") }]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="inq-record-question" />
        </Form.Item>
        <Form.Item name="askerName" label={it("askerName")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="askerContact" label={it("contact")} extra={it("contactHint")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="policyReference" label={it("policy")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The owner (or the supervisor) answers; optionally cites a policy. */
export function AnswerModal({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const it = useIT();
  const [form] = Form.useForm<{ answer: string; policyReference?: string }>();
  const answer = useInquiryAction("answer");
  return (
    <Modal
      open
      title={it("answerBtn")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={it("submit")}
      cancelText={it("cancel")}
      confirmLoading={answer.isPending}
      okButtonProps={{ "data-testid": "inq-answer-submit" }}
    >
      <ErrorNote error={answer.error} />
      <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap" }}>
        {inquiry.question}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ policyReference: inquiry.policyReference ?? undefined }}
        onFinish={(v) =>
          answer.mutate(
            {
              id: inquiry.id,
              body: {
                answer: v.answer.trim(),
                policyReference: v.policyReference?.trim() || undefined,
                expectedVersion: inquiry.version,
              },
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item
          name="answer"
          label={it("answer")}
          rules={[{ required: true, whitespace: true, message: it("required") }]}
        >
          <Input.TextArea rows={5} maxLength={4000} data-testid="inq-answer-text" />
        </Form.Item>
        <Form.Item name="policyReference" label={it("policy")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Hand the question to a named colleague with a reason (never dropped, only handed on). */
export function HandOverModal({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const it = useIT();
  const [form] = Form.useForm<{ toUserId: string; reason: string }>();
  const colleagues = useColleagues(inquiry.id);
  const hand = useInquiryAction("handover");
  return (
    <Modal
      open
      title={it("handOver")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={it("submit")}
      cancelText={it("cancel")}
      confirmLoading={hand.isPending}
      okButtonProps={{ "data-testid": "inq-handover-submit" }}
    >
      <ErrorNote error={hand.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          hand.mutate(
            { id: inquiry.id, body: { ...v, reason: v.reason.trim(), expectedVersion: inquiry.version } },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item
          name="toUserId"
          label={it("handOverTo")}
          rules={[{ required: true, message: it("required") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={colleagues.isLoading}
            options={(colleagues.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.name}（${c.orgName}）`,
            }))}
            data-testid="inq-handover-to"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={it("reason")}
          rules={[{ required: true, whitespace: true, message: it("required") }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Publish an answered question to its item's guide; the server removes personal data. */
export function FaqModal({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const it = useIT();
  const [form] = Form.useForm<{ question: string; answer: string }>();
  const publish = useInquiryAction("faq");
  return (
    <Modal
      open
      title={it("publishFaq")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={it("publishFaq")}
      cancelText={it("cancel")}
      confirmLoading={publish.isPending}
      okButtonProps={{ "data-testid": "inq-faq-submit" }}
    >
      <ErrorNote error={publish.error} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={it("faqHint")} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ question: inquiry.question, answer: inquiry.answer ?? "" }}
        onFinish={(v) =>
          publish.mutate(
            {
              id: inquiry.id,
              body: {
                question: v.question.trim(),
                answer: v.answer.trim(),
                expectedVersion: inquiry.version,
              },
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item
          name="question"
          label={it("question")}
          rules={[{ required: true, whitespace: true, message: it("required") }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="answer"
          label={it("answer")}
          rules={[{ required: true, whitespace: true, message: it("required") }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
