import { CloseCircleFilled, MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Form, Input, Select, Skeleton, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import {
  POLICY_LEVELS,
  POLICY_STATUSES,
  type TPolicyInput,
  usePolicies,
  usePolicy,
  usePolicyOptions,
  useSavePolicy,
} from "./api";
import { errorText, LoadError } from "./parts";

type Values = Omit<TPolicyInput, "issuedOn" | "effectiveOn" | "repealedOn" | "items"> & {
  issuedOn?: Dayjs | null;
  effectiveOn?: Dayjs | null;
  repealedOn?: Dayjs | null;
  items: { itemId: string; basisTitle?: string }[];
};

const day = (s: string | null) => (s ? dayjs(s) : null);
const str = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);

/** `/policies/new` and `/policies/:id/edit` (supervisors, administrators): a document's fields and item links. */
export default function PolicyEditorPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  // The select's clear button is named in the page's language (its default name is the English "Clear").
  const clear = { clearIcon: <CloseCircleFilled />, label: t("policies.clear") };
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const existing = usePolicy(id);
  const options = usePolicyOptions();
  const [linkQ, setLinkQ] = useState("");
  const others = usePolicies(linkQ, {}, 0);
  const save = useSavePolicy();
  const status = Form.useWatch("status", form);
  const chosenItems = Form.useWatch("items", form) ?? [];

  useEffect(() => {
    const d = existing.data;
    if (!d) return;
    form.setFieldsValue({
      ...d,
      issuedOn: day(d.issuedOn),
      effectiveOn: day(d.effectiveOn),
      repealedOn: day(d.repealedOn),
      amendedById: d.amendedBy?.id ?? null,
      repealedById: d.repealedBy?.id ?? null,
      items: d.items.map((i) => ({ itemId: i.itemId, basisTitle: i.basisTitle || undefined })),
    });
  }, [existing.data, form]);

  if (id && existing.isLoading) return <Skeleton active />;
  if (id && existing.isError) return <LoadError error={existing.error} retry={() => existing.refetch()} />;

  const submit = (v: Values) => {
    const body: TPolicyInput = {
      title: v.title,
      docNumber: v.docNumber ?? "",
      issuer: v.issuer,
      level: v.level,
      status: v.status,
      issuedOn: str(v.issuedOn),
      effectiveOn: str(v.effectiveOn),
      repealedOn: str(v.repealedOn),
      amendedById: v.amendedById ?? null,
      repealedById: v.repealedById ?? null,
      summary: v.summary ?? "",
      fullText: v.fullText ?? "",
      tags: v.tags ?? [],
      items: (v.items ?? []).map((i) => ({ itemId: i.itemId, basisTitle: i.basisTitle ?? "" })),
    };
    save.mutate(
      { id, body: id ? { ...body, expectedVersion: existing.data?.version ?? 1 } : body },
      {
        onSuccess: (d) => {
          message.success(t("policies.saved"));
          navigate(`/policies/${d.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError)
            form.setFields(
              e.errors.map((x) => ({
                name: x.field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
                errors: [x.message?.[locale] ?? x.code],
              })),
            );
          message.error(errorText(e, locale));
        },
      },
    );
  };
  const policyOptions = (others.data?.items ?? [])
    .filter((p) => p.id !== id)
    .map((p) => ({ value: p.id, label: `${p.title}${p.docNumber ? `（${p.docNumber}）` : ""}` }));
  const linked = [existing.data?.amendedBy, existing.data?.repealedBy].flatMap((r) =>
    r && !policyOptions.some((o) => o.value === r.id) ? [{ value: r.id, label: r.title }] : [],
  );
  const itemOptions = (options.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }));
  return (
    <Card data-testid="page-policy-editor">
      <Typography.Title level={4} data-testid="page-title">
        {t(id ? "policies.editor.edit" : "policies.editor.new")}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ level: "county", status: "in_force", items: [], tags: [] }}
        style={{ maxWidth: 860 }}
      >
        <Form.Item name="title" label={t("policies.field.title")} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="policy-field-title" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="docNumber" label={t("policies.field.docNumber")}>
            <Input style={{ width: 260 }} data-testid="policy-field-number" />
          </Form.Item>
          <Form.Item name="issuer" label={t("policies.field.issuer")} rules={[{ required: true, min: 2 }]}>
            <Input style={{ width: 300 }} data-testid="policy-field-issuer" />
          </Form.Item>
          <Form.Item name="level" label={t("policies.field.level")} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={POLICY_LEVELS.map((l) => ({
                value: l,
                label: t(`policies.level.${l}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="status" label={t("policies.field.status")} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={POLICY_STATUSES.map((s) => ({
                value: s,
                label: t(`policies.status.${s}` as MessageKey),
              }))}
            />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="issuedOn" label={t("policies.field.issuedOn")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="effectiveOn" label={t("policies.field.effectiveOn")}>
            <DatePicker />
          </Form.Item>
          {status === "repealed" && (
            <Form.Item name="repealedOn" label={t("policies.field.repealedOn")}>
              <DatePicker />
            </Form.Item>
          )}
        </Space>
        {status === "amended" && (
          <Form.Item name="amendedById" label={t("policies.field.amendedBy")} rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setLinkQ }}
              options={[...linked, ...policyOptions]}
            />
          </Form.Item>
        )}
        {status === "repealed" && (
          <Form.Item name="repealedById" label={t("policies.field.repealedBy")}>
            <Select
              allowClear={clear}
              showSearch={{ filterOption: false, onSearch: setLinkQ }}
              options={[...linked, ...policyOptions]}
            />
          </Form.Item>
        )}
        <Form.Item name="tags" label={t("policies.field.tags")}>
          <Select mode="tags" tokenSeparators={[",", "，", " "]} />
        </Form.Item>
        <Form.Item name="summary" label={t("policies.field.summary")}>
          <Input.TextArea rows={4} data-testid="policy-field-summary" />
        </Form.Item>
        <Form.Item name="fullText" label={t("policies.field.fullText")}>
          <Input.TextArea rows={10} data-testid="policy-field-fulltext" />
        </Form.Item>
        <Typography.Text strong>{t("policies.field.items")}</Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const itemId = chosenItems[f.name]?.itemId;
                const basis = options.data?.items.find((i) => i.id === itemId)?.legalBasis ?? [];
                return (
                  <Space key={f.key} wrap align="start" style={{ marginTop: 8 }}>
                    <Form.Item
                      name={[f.name, "itemId"]}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Select
                        style={{ width: 280 }}
                        showSearch={{ optionFilterProp: "label" }}
                        options={itemOptions}
                        aria-label={t("policies.field.items")}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, "basisTitle"]} style={{ marginBottom: 0 }}>
                      <Select
                        allowClear={clear}
                        style={{ width: 360 }}
                        placeholder={t("policies.field.basis")}
                        aria-label={t("policies.field.basis")}
                        options={basis.map((b) => ({ value: b, label: b }))}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t("policies.cancel")}
                    />
                  </Space>
                );
              })}
              <div style={{ marginTop: 8 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t("policies.items.add")}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="policy-save">
            {t("policies.save")}
          </Button>
          <Button onClick={() => navigate(id ? `/policies/${id}` : "/policies")}>
            {t("policies.cancel")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
