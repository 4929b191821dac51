import { ApartmentOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { ApiError } from "../../api/client";
import { useMe } from "../../auth/useMe";
import { ZhText, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { applyServerErrors } from "../cases/actions/serverErrors";
import { useCreateOrganization, useUpdateOrganization } from "./api";
import { type OrgNode, pathTo, useOrgTree } from "./OrgTree";

const KINDS = ["bureau", "section", "window", "township", "department"] as const;
type Kind = (typeof KINDS)[number];
const KIND_COLOR: Record<Kind, string> = {
  bureau: "red",
  section: "blue",
  window: "green",
  township: "orange",
  department: "purple",
};

type OrgFields = {
  code?: string;
  kind?: Kind;
  name: string;
  nameEn?: string;
  creditCode?: string;
  address?: string;
  phone?: string;
  hours?: string;
};
const FIELDS = ["code", "kind", "name", "nameEn", "creditCode", "address", "phone", "hours", "parent"];

/** 机构管理: the tree, each organization's codes and contacts, its windows; create and edit. */
export default function OrgsPage() {
  const { t, locale } = useI18n();
  const { me } = useMe();
  const tree = useOrgTree();
  const [selected, setSelected] = useState<string>();
  const [editing, setEditing] = useState<"edit" | "child" | "window">();
  const roots = tree.data?.items ?? [];
  const path = selected ? pathTo(roots, selected) : [];
  const org = path.at(-1);
  const adminOrgs = new Set(
    (me?.roles ?? []).filter((r) => r.role === "admin" && r.orgCode).map((r) => r.orgCode as string),
  );
  const mayEdit = path.some((p) => adminOrgs.has(p.code));

  const kindTag = (k: string) => <Tag color={KIND_COLOR[k as Kind]}>{t(`orgKind.${k as Kind}`)}</Tag>;
  const treeData = useMemo(() => {
    const map = (nodes: readonly OrgNode[]): object[] =>
      nodes.map((n) => ({
        key: n.code,
        title: (
          <span data-testid={`org-node-${n.code}`}>
            <ZhText>{n.name}</ZhText>{" "}
            <Typography.Text type="secondary">{t(`orgKind.${n.kind as Kind}`)}</Typography.Text>
          </span>
        ),
        children: map(n.children),
      }));
    return map(roots);
  }, [roots, t]);

  const errorText =
    tree.error instanceof ApiError ? (tree.error.messageIn(locale) ?? "") : String(tree.error ?? "");

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-admin-orgs">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("admin.orgs.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("admin.orgs.subtitle")}</Typography.Text>
      </div>
      {tree.isError && (
        <Alert type="error" showIcon title={t("admin.orgs.loadError", { message: errorText })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            title={
              <Space>
                <ApartmentOutlined aria-hidden />
                {t("nav.admin.orgs")}
              </Space>
            }
            size="small"
          >
            {tree.isPending ? (
              <Skeleton active />
            ) : roots.length === 0 ? (
              <Empty description={t("admin.orgs.empty")} />
            ) : (
              <Tree
                defaultExpandAll
                showLine
                treeData={treeData as never}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] as string | undefined)}
                data-testid="org-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {!org ? (
            <Card>
              <Empty description={t("admin.orgs.select")} />
            </Card>
          ) : (
            <Card
              title={
                <Space wrap>
                  <span data-testid="org-name">
                    <ZhText>{org.name}</ZhText>
                  </span>
                  {kindTag(org.kind)}
                </Space>
              }
              extra={
                mayEdit && (
                  <Space wrap>
                    <Button icon={<EditOutlined />} onClick={() => setEditing("edit")} data-testid="org-edit">
                      {t("admin.orgs.edit")}
                    </Button>
                    <Button icon={<PlusOutlined />} onClick={() => setEditing("child")} data-testid="org-add">
                      {t("admin.orgs.addChild")}
                    </Button>
                  </Space>
                )
              }
              data-testid="org-detail"
            >
              {!mayEdit && (
                <Alert type="info" showIcon title={t("admin.orgs.notYours")} style={{ marginBottom: 12 }} />
              )}
              <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
                <Descriptions.Item label={t("admin.orgs.code")}>
                  <Typography.Text code>{org.code}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t("admin.orgs.creditCode")}>
                  <span data-testid="org-credit-code">{org.creditCode ?? "—"}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t("admin.orgs.divisionCode")}>
                  {org.divisionCode || "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("admin.orgs.parent")}>
                  <ZhText>{path.at(-2)?.name ?? "—"}</ZhText>
                </Descriptions.Item>
                <Descriptions.Item label={t("admin.orgs.nameEn")}>{org.nameEn ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("admin.orgs.address")}>
                  <ZhText>{org.address ?? "—"}</ZhText>
                </Descriptions.Item>
                <Descriptions.Item label={t("admin.orgs.phone")}>{org.phone ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("admin.orgs.hours")}>
                  <span data-testid="org-hours">{org.hours ?? "—"}</span>
                </Descriptions.Item>
              </Descriptions>
              <Space style={{ justifyContent: "space-between", width: "100%", marginTop: 16 }} wrap>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t("admin.orgs.windows")}
                </Typography.Title>
                {mayEdit && (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing("window")}>
                    {t("admin.orgs.addWindow")}
                  </Button>
                )}
              </Space>
              <Table<OrgNode>
                style={{ marginTop: 8 }}
                size="small"
                rowKey="code"
                pagination={false}
                scroll={{ x: 560 }}
                dataSource={org.children.filter((c) => c.kind === "window")}
                locale={{ emptyText: t("admin.orgs.noWindows") }}
                onRow={(w) => ({ onClick: () => setSelected(w.code), style: { cursor: "pointer" } })}
                columns={[
                  { title: t("admin.orgs.name"), dataIndex: "name", render: zhCell },
                  { title: t("admin.orgs.address"), dataIndex: "address", render: (v) => zhCell(v ?? "—") },
                  { title: t("admin.orgs.hours"), dataIndex: "hours", render: (v) => zhCell(v ?? "—") },
                ]}
              />
            </Card>
          )}
        </Col>
      </Row>
      {org && editing && (
        <OrgModal
          key={`${org.code}-${editing}`}
          org={org}
          mode={editing}
          onClose={() => setEditing(undefined)}
          onCreated={(code) => setSelected(code)}
          locale={locale}
        />
      )}
    </Space>
  );
}

function OrgModal({
  org,
  mode,
  onClose,
  onCreated,
  locale,
}: {
  org: OrgNode;
  mode: "edit" | "child" | "window";
  onClose: () => void;
  onCreated: (code: string) => void;
  locale: "zh-CN" | "en-US";
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFields>();
  const update = useUpdateOrganization();
  const create = useCreateOrganization();
  const [general, setGeneral] = useState<string[]>([]);
  const isNew = mode !== "edit";
  const onError = (err: unknown) =>
    setGeneral(applyServerErrors(form, err, locale, FIELDS, t("error.generic")));
  const text = (s?: string) => (s?.trim() ? s.trim() : null);

  const submit = (v: OrgFields) => {
    const fields = {
      name: v.name,
      nameEn: text(v.nameEn),
      creditCode: text(v.creditCode),
      address: text(v.address),
      phone: text(v.phone),
      hours: text(v.hours),
    };
    if (isNew) {
      create.mutate(
        { parent: org.code, code: v.code ?? "", kind: v.kind ?? "section", ...fields },
        {
          onSuccess: (r) => {
            message.success(t("admin.orgs.created", { name: v.name }));
            onCreated(r.code);
            onClose();
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { code: org.code, body: { expectedVersion: org.version, ...fields } },
        {
          onSuccess: () => {
            message.success(t("admin.orgs.saved"));
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open
      title={t(isNew ? "admin.orgs.newTitle" : "admin.orgs.editTitle", { name: org.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("admin.users.save")}
      cancelText={t("admin.users.cancel")}
      confirmLoading={update.isPending || create.isPending}
      width={640}
      okButtonProps={{ "data-testid": "org-save" } as Record<string, string>}
    >
      {general.length > 0 && (
        <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} />
      )}
      <Form<OrgFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          isNew
            ? { kind: mode === "window" ? "window" : "section", code: `${org.code}-` }
            : {
                name: org.name,
                nameEn: org.nameEn ?? undefined,
                creditCode: org.creditCode ?? undefined,
                address: org.address ?? undefined,
                phone: org.phone ?? undefined,
                hours: org.hours ?? undefined,
              }
        }
      >
        {isNew && (
          <Space wrap align="start">
            <Form.Item
              name="code"
              label={t("admin.orgs.code")}
              extra={t("admin.orgs.codeRule")}
              rules={[
                { required: true, message: t("admin.users.required") },
                { pattern: /^[A-Z0-9-]{2,64}$/, message: t("admin.orgs.codeRule") },
              ]}
            >
              <Input style={{ width: 260 }} data-testid="org-code" />
            </Form.Item>
            <Form.Item name="kind" label={t("admin.orgs.kind")} rules={[{ required: true }]}>
              <Select
                style={{ width: 180 }}
                options={KINDS.filter((k) => k !== "bureau").map((k) => ({
                  value: k,
                  label: t(`orgKind.${k}`),
                }))}
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item
          name="name"
          label={t("admin.orgs.name")}
          rules={[{ required: true, message: t("admin.users.required") }]}
        >
          <Input data-testid="org-name-input" />
        </Form.Item>
        <Form.Item name="nameEn" label={t("admin.orgs.nameEn")}>
          <Input />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t("admin.orgs.creditCode")}
          extra={t("admin.orgs.creditCodeHint")}
        >
          <Input maxLength={18} data-testid="org-credit-input" />
        </Form.Item>
        <Form.Item name="address" label={t("admin.orgs.address")}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t("admin.orgs.phone")}>
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={t("admin.orgs.hours")} extra={t("admin.orgs.hoursHint")}>
          <Input data-testid="org-hours-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
