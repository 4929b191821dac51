import { Alert, App, Button, Form, Input, Modal, Radio, Space } from "antd";
import { useEffect, useState } from "react";
import { residentIdProblem, usccProblem } from "../../../../src/domain/rules/identifiers";
import { ApiError } from "../../api/ApiError";
import { type ApiBody, call, yz } from "../../api/client";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { applyServerErrors } from "../cases/actions/serverErrors";
import type { ApplicantHit } from "./api";

type Values = {
  kind: "person" | "enterprise";
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: string;
  phone: string;
  email?: string;
  address?: string;
};

const FIELDS = ["kind", "name", "idNumber", "creditCode", "legalRepresentative", "phone", "email", "address"];

type Props = {
  open: boolean;
  /** What the clerk searched for: an ID number or credit code fills its field, anything else the name. */
  query: string;
  onClose: () => void;
  /** The applicant registered (or the one already registered, chosen instead): filing goes on for them. */
  onDone: (a: ApplicantHit) => void;
};

/** First values from the search text: the identifier it looks like, or the name. */
function fromQuery(q: string): Partial<Values> {
  const s = q.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(s)) return { kind: "person", idNumber: s };
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(s)) return { kind: "enterprise", creditCode: s };
  if (/^1\d{10}$/.test(s)) return { kind: "person", phone: s };
  return { kind: "person", name: q.trim() };
}

/**
 * 代录: the window registers a walk-in applicant — a person with a 居民身份证号 (GB 11643-1999) or an
 * enterprise with its 统一社会信用代码 (GB 32100-2015) and legal representative, a mobile number, the
 * address — checked here and again by the server, whose field problems land on the fields. An
 * identifier registered before is offered as that applicant instead of a second account.
 */
export function RegisterApplicant({ open, query, onClose, onDone }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [existing, setExisting] = useState<ApplicantHit | null>(null);
  const kind = Form.useWatch("kind", form) ?? "person";

  useEffect(() => {
    if (open) {
      setProblems([]);
      setExisting(null);
    }
  }, [open]);

  const idRule = {
    validator: async (_: unknown, v?: string) => {
      const why = v?.trim() ? residentIdProblem(v.trim().toUpperCase()) : null;
      if (why) throw new Error(t(`walkin.id.${why}` as MessageKey));
    },
  };
  const usccRule = {
    validator: async (_: unknown, v?: string) => {
      const why = v?.trim() ? usccProblem(v.trim().toUpperCase()) : null;
      if (why) throw new Error(t(`walkin.uscc.${why}` as MessageKey));
    },
  };
  const required = { required: true, whitespace: true, message: t("walkin.required") };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setProblems([]);
    setExisting(null);
    try {
      // Blank optional fields are left out; the server checks the rest (422 naming the field).
      const body = Object.fromEntries(
        Object.entries(v).filter(([, x]) => typeof x === "string" && x.trim() !== ""),
      ) as ApiBody<"/api/applicants">;
      const a = await call(yz.POST("/api/applicants", { body }));
      void message.success(t("walkin.registered", { name: a.name }));
      onDone(a);
    } catch (e) {
      if (e instanceof ApiError && e.code === "applicant_exists") {
        setExisting((e.problem as { details?: { applicant?: ApplicantHit } }).details?.applicant ?? null);
      }
      setProblems(applyServerErrors(form, e, locale, FIELDS, t("error.generic")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("walkin.title")}
      okText={t("walkin.ok")}
      cancelText={t("wb.cancel")}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, "data-testid": "walkin-ok" } as never}
      width={640}
      destroyOnHidden
    >
      <div data-testid="walkin-form">
        <Alert type="info" showIcon title={t("walkin.hint")} style={{ marginBottom: 16 }} />
        {existing ? (
          <Alert
            type="warning"
            showIcon
            data-testid="walkin-existing"
            style={{ marginBottom: 16 }}
            title={t("walkin.exists", {
              name: existing.name,
              identifier: existing.creditCode ?? existing.idNumberMasked ?? "",
            })}
            action={
              <Button
                size="small"
                type="primary"
                onClick={() => onDone(existing)}
                data-testid="walkin-use-existing"
              >
                {t("walkin.useExisting")}
              </Button>
            }
          />
        ) : problems.length ? (
          <Alert type="error" showIcon title={problems.join("；")} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          // The modal's content mounts afresh on every opening (destroyOnHidden): the search text is its
          // first values. Setting them from an effect raced the mount and was sometimes lost.
          initialValues={{ kind: "person", ...fromQuery(query) }}
        >
          <Form.Item name="kind" label={t("walkin.kind")}>
            <Radio.Group
              data-testid="walkin-kind"
              options={[
                { value: "person", label: t("walkin.kind.person") },
                { value: "enterprise", label: t("walkin.kind.enterprise") },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t(kind === "person" ? "walkin.name.person" : "walkin.name.enterprise")}
            rules={[required]}
          >
            <Input maxLength={100} data-testid="walkin-name" />
          </Form.Item>
          {kind === "person" ? (
            <Form.Item
              name="idNumber"
              label={t("walkin.idNumber")}
              extra={t("format.idNumber")}
              rules={[required, idRule]}
              validateFirst
            >
              <Input maxLength={18} data-testid="walkin-idNumber" style={{ maxWidth: 320 }} />
            </Form.Item>
          ) : (
            <Space wrap align="start" size={16}>
              <Form.Item
                name="creditCode"
                label={t("walkin.creditCode")}
                extra={t("format.creditCode")}
                rules={[required, usccRule]}
                validateFirst
              >
                <Input maxLength={18} data-testid="walkin-creditCode" style={{ width: 280 }} />
              </Form.Item>
              <Form.Item
                name="legalRepresentative"
                label={t("walkin.legalRepresentative")}
                rules={[required]}
              >
                <Input maxLength={50} data-testid="walkin-legalRepresentative" style={{ width: 200 }} />
              </Form.Item>
            </Space>
          )}
          <Space wrap align="start" size={16}>
            <Form.Item
              name="phone"
              label={t("walkin.phone")}
              extra={t("format.phone")}
              rules={[required, { pattern: /^1\d{10}$/, message: t("walkin.phoneInvalid") }]}
              validateFirst
            >
              <Input maxLength={11} data-testid="walkin-phone" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name="email"
              label={t("walkin.email")}
              rules={[{ type: "email", message: t("walkin.emailInvalid") }]}
            >
              <Input maxLength={100} style={{ width: 280 }} />
            </Form.Item>
          </Space>
          <Form.Item name="address" label={t("walkin.address")}>
            <Input maxLength={200} data-testid="walkin-address" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
