import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { RESULT_TYPES } from "../../../../../src/shared/catalog/enums";
import { type ApiBody, ApiError, call, yz } from "../../../api/client";
import { LinkButton } from "../../../components/LinkButton";
import { withData } from "../../../components/ZhText";
import { enumLabel } from "../../../i18n/catalogEnums";
import { useI18n } from "../../../i18n/useT";
import { formatDate } from "../../cases/labels";
import { type ItemView, useItem, useVersions } from "../../guide/api";
import { handlingKey, kindKey } from "../../guide/labels";
import { useOrgs } from "../../guide/useOrgs";
import {
  blankContent,
  type EditorValues,
  formFieldFor,
  JsonFieldError,
  toContent,
  toEditorValues,
} from "./editorForm";
import { MaterialsEditor, StepsEditor } from "./ListEditors";

const KINDS = ["administrative_licence", "administrative_confirmation", "filing", "public_service", "other"];
/** Today in the office (Asia/Shanghai), not in the browser's zone. */
const todayIso = () => formatDate(new Date());

/** The create/edit page of a service item: `/admin/items/new` or `/admin/items/:code/edit`. */
export default function ItemEditorPage() {
  const { code } = useParams();
  const versions = useVersions(code);
  const latest = useItem(code, versions.data?.latestVersion);
  if (code && (versions.isPending || latest.isPending)) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <Editor key={`${code ?? "new"}:${latest.data?.version ?? 0}`} item={code ? latest.data : undefined} />
  );
}

type Problem = { field: string; text: string };

function Editor({ item }: { item: ItemView | undefined }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const orgs = useOrgs();
  const [form] = Form.useForm<EditorValues>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const initial = useMemo(
    () => toEditorValues(item?.content ?? blankContent("HY-ZRZY"), item ? todayIso() : todayIso()),
    [item],
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  const showProblems = (list: Problem[]) => {
    setProblems(list);
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const p of list) {
      const name = formFieldFor(p.field);
      const k = JSON.stringify(name);
      const entry = byField.get(k) ?? { name, errors: [] };
      entry.errors.push(
        name[0] === "otherText" || name[name.length - 1] === "code" ? `${p.field}: ${p.text}` : p.text,
      );
      byField.set(k, entry);
    }
    form.setFields([...byField.values()]);
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as EditorValues;
    let content: Record<string, unknown>;
    try {
      content = toContent(values);
    } catch (e) {
      if (e instanceof JsonFieldError) {
        showProblems([
          {
            field: e.field === "formSchemaText" ? "formSchema" : "otherText",
            text: t("editor.json", { message: e.message }),
          },
        ]);
        return;
      }
      throw e;
    }
    setSaving(true);
    setConflict(null);
    setProblems([]);
    try {
      // The editor builds the content from its fields; the server checks it against the item schema and
      // answers 422 naming the field, which `showProblems` puts next to it.
      const body = {
        content: content as ApiBody<"/api/catalog/items">["content"],
        effectiveFrom: values.effectiveFrom,
        changeNote: values.changeNote ?? "",
      };
      const saved = item
        ? await call(
            yz.PUT("/api/catalog/items/{code}", {
              params: { path: { code: item.code } },
              body: { ...body, expectedVersion: item.latestVersion },
            }),
          )
        : await call(yz.POST("/api/catalog/items", { body }));
      await qc.invalidateQueries({ queryKey: ["catalog"] });
      message.success(item ? t("editor.saved", { n: saved.version }) : t("editor.created"));
      navigate(`/admin/items/${saved.code}/history`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(
          Number((e.problem as { details?: { currentVersion?: number } }).details?.currentVersion ?? 0),
        );
      } else if (e instanceof ApiError && e.errors.length > 0) {
        showProblems(
          e.errors.map((p) => ({
            field: p.field,
            text: p.message?.[locale] ?? p.message?.["zh-CN"] ?? p.code,
          })),
        );
      } else {
        message.error(
          e instanceof ApiError ? (e.messageIn(locale) ?? t("error.generic")) : t("error.generic"),
        );
      }
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t("editor.required") }];
  const orgOptions = orgs.list.map((o) => ({ value: o.code, label: `${"　".repeat(o.depth)}${o.name}` }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-item-editor">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {item ? withData(t("editor.editTitle"), { name: item.content.name }) : t("editor.newTitle")}
      </Typography.Title>
      {item && (
        <Typography.Text type="secondary">
          {t("editor.basedOn", { n: item.version, m: item.latestVersion + 1 })}
        </Typography.Text>
      )}
      {conflict !== null && (
        <Alert
          type="error"
          showIcon
          data-testid="editor-conflict"
          title={t("editor.conflict", { n: conflict })}
          action={<Button onClick={() => window.location.reload()}>{t("editor.reload")}</Button>}
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="editor-problems"
          title={t("editor.invalid")}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={`${p.field}:${p.text}`}>
                  <code>{p.field.replace(/^content\./, "")}</code> — {p.text}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
        <Card title={t("editor.sectionBasic")} style={{ marginBottom: 16 }}>
          <div
            style={{
              display: "grid",
              gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
              columnGap: 16,
            }}
          >
            <Form.Item name="code" label={t("item.slug")} rules={required} tooltip={t("item.slugHelp")}>
              <Input disabled={Boolean(item)} data-testid="editor-code" />
            </Form.Item>
            <Form.Item name="catalogCode" label={t("item.code")} tooltip={t("item.codeHelp")}>
              <Input data-testid="editor-catalog-code" />
            </Form.Item>
            <Form.Item name="name" label={t("item.name")} rules={required}>
              <Input data-testid="editor-name" />
            </Form.Item>
            <Form.Item name="kind" label={t("item.kind")}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
            </Form.Item>
            <Form.Item name="implementingOrgCode" label={t("item.org")}>
              <Select showSearch={{ optionFilterProp: "label" }} options={orgOptions} />
            </Form.Item>
            <Form.Item name="handlingType" label={t("item.handlingType")}>
              <Select
                options={["promised", "immediate"].map((h) => ({ value: h, label: t(handlingKey(h)) }))}
              />
            </Form.Item>
            <Form.Item name="statutoryLimitDays" label={t("item.statutory")}>
              <InputNumber min={0} style={{ width: "100%" }} data-testid="editor-statutory" />
            </Form.Item>
            <Form.Item name="promisedLimitDays" label={t("item.promised")}>
              <InputNumber min={0} style={{ width: "100%" }} data-testid="editor-promised" />
            </Form.Item>
            <Form.Item name="visitsRequired" label={t("item.visits")}>
              <InputNumber min={0} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="resultName" label={t("item.result")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="resultType" label={t("item.resultType")}>
              <Select
                options={Object.keys(RESULT_TYPES).map((value) => ({
                  value,
                  label: enumLabel(locale, "resultType", value),
                }))}
              />
            </Form.Item>
            <Form.Item name="consultationPhone" label={t("item.consult")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="complaintPhone" label={t("item.complaint")} rules={required}>
              <Input />
            </Form.Item>
          </div>
          <Form.Item name="place" label={t("item.place")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="hours" label={t("item.hours")} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="lifeEvents" label={t("editor.lifeEvents")}>
            <Select mode="tags" />
          </Form.Item>
        </Card>
        <Card title={t("editor.sectionMaterials")} style={{ marginBottom: 16 }}>
          <MaterialsEditor />
        </Card>
        <Card title={t("editor.sectionSteps")} style={{ marginBottom: 16 }}>
          <StepsEditor orgs={orgs.list} />
        </Card>
        <Card title={t("editor.sectionForm")} style={{ marginBottom: 16 }}>
          <Form.Item name="formSchemaText" extra={t("editor.formSchemaHint")} rules={[jsonRule(t)]}>
            <Input.TextArea
              aria-label={t("editor.sectionForm")}
              autoSize={{ minRows: 6, maxRows: 24 }}
              style={{ fontFamily: "monospace" }}
              data-testid="editor-form-schema"
            />
          </Form.Item>
        </Card>
        <Card title={t("editor.sectionOther")} style={{ marginBottom: 16 }}>
          <Form.Item name="otherText" extra={t("editor.otherHint")} rules={[jsonRule(t)]}>
            <Input.TextArea
              aria-label={t("editor.sectionOther")}
              autoSize={{ minRows: 8, maxRows: 30 }}
              style={{ fontFamily: "monospace" }}
            />
          </Form.Item>
        </Card>
        <Card style={{ marginBottom: 16 }}>
          <div style={{ display: "grid", gridTemplateColumns: "220px 1fr", columnGap: 16 }}>
            <Form.Item name="effectiveFrom" label={t("editor.effectiveFrom")} rules={required}>
              <Input type="date" data-testid="editor-effective-from" />
            </Form.Item>
            <Form.Item
              name="changeNote"
              label={t("editor.changeNote")}
              rules={item ? [{ required: true, message: t("editor.changeNoteRequired") }] : []}
            >
              <Input data-testid="editor-change-note" />
            </Form.Item>
          </div>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="editor-save">
              {item ? t("editor.save") : t("editor.create")}
            </Button>
            <LinkButton to={item ? `/admin/items/${item.code}/history` : "/admin/items"}>
              {t("editor.cancel")}
            </LinkButton>
          </Space>
        </Card>
      </Form>
    </Space>
  );
}

/** A client-side check that a JSON text parses (the server checks the JSON Schema itself). */
function jsonRule(t: ReturnType<typeof useI18n>["t"]) {
  return {
    validator: async (_r: unknown, v: string) => {
      try {
        JSON.parse(v);
      } catch (e) {
        throw new Error(t("editor.json", { message: e instanceof Error ? e.message : String(e) }));
      }
    },
  };
}
