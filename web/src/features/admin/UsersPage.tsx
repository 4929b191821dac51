import { MinusCircleOutlined, PlusOutlined, UserOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import type { Role } from "../../auth/types";
import { ZhText, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { applyServerErrors } from "../cases/actions/serverErrors";
import {
  type UserFilters,
  type UserRow,
  useCreateUser,
  useResetPassword,
  useResetTotp,
  useSetUserActive,
  useUpdateUser,
  useUsers,
} from "./api";
import { type OrgNode, useOrgTree } from "./OrgTree";

const ROLES: readonly Role[] = [
  "clerk",
  "reviewer",
  "approver",
  "helper",
  "supervisor",
  "partner",
  "admin",
  "applicant",
];

type RoleField = { role: Role; org?: string };
type CreateFields = { username: string; displayName: string; password: string; roles: RoleField[] };
type EditFields = { displayName: string; roles: RoleField[] };

type OrgOption = { value: string; title: string; children: OrgOption[] };

/** The organization tree as TreeSelect data (value = code). */
function treeData(nodes: readonly OrgNode[]): OrgOption[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: treeData(n.children) }));
}

/** 用户管理: search and filters, create, edit roles, reset password (shown once), disable/enable. */
export default function UsersPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<UserFilters>({});
  const users = useUsers(filters);
  const orgs = useOrgTree();
  const orgOptions = treeData(orgs.data?.items ?? []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow>();
  const [temp, setTemp] = useState<{ name: string; password: string }>();
  const setActive = useSetUserActive();
  const reset = useResetPassword();
  const resetTotp = useResetTotp();
  const set = (patch: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const errorText = (err: unknown) =>
    err instanceof ApiError ? (err.messageIn(locale) ?? t("error.generic")) : t("error.generic");

  const onActive = (u: UserRow, active: boolean) =>
    setActive.mutate(
      { id: u.id, active, expectedVersion: u.version },
      {
        onSuccess: () =>
          message.success(
            t(active ? "admin.users.enabled" : "admin.users.disabled", { name: u.displayName }),
          ),
        onError: (err) => message.error(errorText(err)),
      },
    );
  const onResetTotp = (u: UserRow) =>
    resetTotp.mutate(
      { id: u.id, expectedVersion: u.version },
      {
        onSuccess: () => message.success(t("totp.resetDone", { name: u.displayName })),
        onError: (err) => message.error(errorText(err)),
      },
    );
  const onReset = (u: UserRow) =>
    reset.mutate(
      { id: u.id, expectedVersion: u.version },
      {
        onSuccess: (r) => setTemp({ name: u.displayName, password: r.temporaryPassword }),
        onError: (err) => message.error(errorText(err)),
      },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-admin-users">
      <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {t("admin.users.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("admin.users.subtitle")}</Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="users-new"
        >
          {t("admin.users.new")}
        </Button>
      </Space>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t("admin.users.search")}
          aria-label={t("admin.users.search")}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="users-search"
        />
        <Select
          allowClear
          placeholder={t("admin.users.anyRole")}
          aria-label={t("admin.users.role")}
          style={{ width: 180 }}
          value={filters.role}
          onChange={(role) => set({ role })}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          data-testid="users-role"
        />
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder={t("admin.users.anyOrg")}
          aria-label={t("admin.users.org")}
          style={{ width: 240 }}
          value={filters.org}
          onChange={(org) => set({ org })}
          treeData={orgOptions}
          treeDefaultExpandAll
        />
        <Select
          allowClear
          placeholder={t("admin.users.anyState")}
          aria-label={t("admin.users.state")}
          style={{ width: 140 }}
          value={filters.active}
          onChange={(active) => set({ active })}
          options={[
            { value: "true", label: t("admin.users.active") },
            { value: "false", label: t("admin.users.inactive") },
          ]}
          data-testid="users-active"
        />
      </Space>
      {users.isError && (
        <Alert
          type="error"
          showIcon
          title={t("admin.users.loadError", { message: errorText(users.error) })}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<UserRow>
          rowKey="id"
          size="middle"
          loading={users.isPending}
          dataSource={users.data?.items}
          scroll={{ x: 1400 }}
          locale={{ emptyText: t("admin.users.empty") }}
          pagination={{
            pageSize: 20,
            hideOnSinglePage: true,
            showTotal: (n) => t("admin.users.count", { n }),
          }}
          data-testid="users-table"
          onRow={(u) => ({ "data-testid": `user-${u.username}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t("admin.users.username"),
              dataIndex: "username",
              width: 190,
              render: (name: string) => (
                <Space size={6} style={{ whiteSpace: "nowrap" }}>
                  <UserOutlined aria-hidden />
                  <Typography.Text code>{name}</Typography.Text>
                </Space>
              ),
            },
            { title: t("admin.users.displayName"), dataIndex: "displayName", width: 170, render: zhCell },
            {
              title: t("admin.users.kind"),
              dataIndex: "kind",
              width: 100,
              render: (k: UserRow["kind"]) => t(`kind.${k}`),
            },
            {
              title: t("admin.users.roles"),
              dataIndex: "roles",
              width: 280,
              render: (roles: UserRow["roles"]) => (
                <Space size={[4, 4]} wrap>
                  {roles.map((r) => (
                    <Tag key={`${r.role}@${r.orgCode}`}>
                      {t(`role.${r.role as Role}`)}
                      {r.orgName ? (
                        <>
                          {" · "}
                          <ZhText>{r.orgName}</ZhText>
                        </>
                      ) : null}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t("admin.users.phone"),
              dataIndex: "phoneMasked",
              width: 130,
              render: (v: string | null) => v ?? "—",
            },
            {
              title: t("admin.users.idNumber"),
              dataIndex: "idNumberMasked",
              width: 190,
              render: (v: string | null, u) => v ?? u.creditCode ?? "—",
            },
            {
              title: t("admin.users.state"),
              key: "state",
              width: 130,
              render: (_, u) => (
                <Space size={[4, 4]} wrap data-testid="user-state">
                  {u.active ? (
                    <Tag color="green">{t("admin.users.active")}</Tag>
                  ) : (
                    <Tag color="red">{t("admin.users.inactive")}</Tag>
                  )}
                  {u.locked && <Tag color="orange">{t("admin.users.locked")}</Tag>}
                  {u.mustChangePassword && <Tag color="gold">{t("admin.users.mustChange")}</Tag>}
                </Space>
              ),
            },
            {
              title: t("admin.users.actions"),
              key: "actions",
              width: 230,
              render: (_, u) =>
                !u.abilities.update ? (
                  <Typography.Text type="secondary">{t("admin.users.self")}</Typography.Text>
                ) : (
                  <Space size={0} wrap>
                    <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="user-edit">
                      {t("admin.users.edit")}
                    </Button>
                    <Popconfirm
                      title={t("admin.users.resetConfirm", { name: u.displayName })}
                      onConfirm={() => onReset(u)}
                      okText={t("admin.users.reset")}
                      cancelText={t("admin.users.cancel")}
                    >
                      <Button type="link" size="small" data-testid="user-reset">
                        {t("admin.users.reset")}
                      </Button>
                    </Popconfirm>
                    {u.kind === "staff" && (
                      <Popconfirm
                        title={t("totp.resetConfirm", { name: u.displayName })}
                        onConfirm={() => onResetTotp(u)}
                        okText={t("totp.reset")}
                        cancelText={t("admin.users.cancel")}
                      >
                        <Button type="link" size="small" data-testid="user-reset-totp">
                          {t("totp.reset")}
                        </Button>
                      </Popconfirm>
                    )}
                    <Popconfirm
                      title={t(u.active ? "admin.users.disableConfirm" : "admin.users.enableConfirm", {
                        name: u.displayName,
                      })}
                      onConfirm={() => onActive(u, !u.active)}
                      okText={t(u.active ? "admin.users.disable" : "admin.users.enable")}
                      okButtonProps={{ danger: u.active, "data-testid": "user-active-ok" } as never}
                      cancelText={t("admin.users.cancel")}
                    >
                      <Button type="link" size="small" danger={u.active} data-testid="user-active">
                        {t(u.active ? "admin.users.disable" : "admin.users.enable")}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} orgOptions={orgOptions} />
      {editing && (
        <EditUserModal user={editing} onClose={() => setEditing(undefined)} orgOptions={orgOptions} />
      )}
      <Modal
        open={!!temp}
        title={t("admin.users.tempTitle")}
        onOk={() => setTemp(undefined)}
        onCancel={() => setTemp(undefined)}
        okText={t("admin.users.tempDone")}
        cancelButtonProps={{ style: { display: "none" } }}
        maskClosable={false}
      >
        {temp && (
          <Space orientation="vertical">
            <Typography.Text>{t("admin.users.tempHint", { name: temp.name })}</Typography.Text>
            <Typography.Text code copyable style={{ fontSize: 20 }} data-testid="temp-password">
              {temp.password}
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}

type OrgOptions = ReturnType<typeof treeData>;

/** The roles of an account: a role and its organization per line. */
function RolesField({ orgOptions }: { orgOptions: OrgOptions }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t("admin.users.roles")} extra={t("admin.users.rolesHint")} required>
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: "100%" }}>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap data-testid="role-line">
                <Form.Item
                  name={[f.name, "role"]}
                  rules={[{ required: true, message: t("admin.users.required") }]}
                  style={{ marginBottom: 0 }}
                >
                  <Select
                    aria-label={t("admin.users.role")}
                    style={{ width: 170 }}
                    options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    data-testid="role-select"
                  />
                </Form.Item>
                <Form.Item name={[f.name, "org"]} style={{ marginBottom: 0 }}>
                  <TreeSelect
                    aria-label={t("admin.users.org")}
                    allowClear
                    showSearch
                    treeNodeFilterProp="title"
                    style={{ width: 240 }}
                    treeData={orgOptions}
                    treeDefaultExpandAll
                    data-testid="role-org"
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t("admin.users.removeRole")}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: "clerk" })}>
              {t("admin.users.addRole")}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

const ROLE_FIELDS = ["roles", "username", "displayName", "password"] as const;

function CreateUserModal({
  open,
  onClose,
  orgOptions,
}: {
  open: boolean;
  onClose: () => void;
  orgOptions: OrgOptions;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateFields>();
  const create = useCreateUser();
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (v: CreateFields) =>
    create.mutate(
      { ...v, kind: "staff", roles: v.roles.map((r) => ({ role: r.role, org: r.org || undefined })) },
      {
        onSuccess: (u) => {
          message.success(t("admin.users.created", { name: u.displayName }));
          form.resetFields();
          setGeneral([]);
          onClose();
        },
        onError: (err) => setGeneral(applyServerErrors(form, err, locale, ROLE_FIELDS, t("error.generic"))),
      },
    );
  return (
    <Modal
      open={open}
      title={t("admin.users.new")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("admin.users.save")}
      cancelText={t("admin.users.cancel")}
      confirmLoading={create.isPending}
      width={640}
      okButtonProps={{ "data-testid": "user-create-ok" } as Record<string, string>}
    >
      {general.length > 0 && (
        <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} />
      )}
      <Form<CreateFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ roles: [{ role: "clerk" }] }}
        data-testid="user-create-form"
      >
        <Form.Item
          name="username"
          label={t("admin.users.username")}
          extra={t("admin.users.usernameRule")}
          rules={[
            { required: true, message: t("admin.users.required") },
            { pattern: /^[a-zA-Z0-9._-]{2,64}$/, message: t("admin.users.usernameRule") },
          ]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("admin.users.displayName")}
          rules={[{ required: true, message: t("admin.users.required") }]}
        >
          <Input data-testid="user-displayname" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("admin.users.password")}
          extra={t("admin.users.passwordHint")}
          rules={[
            { required: true, message: t("admin.users.required") },
            { min: 8, message: t("password.minLength") },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <RolesField orgOptions={orgOptions} />
      </Form>
    </Modal>
  );
}

function EditUserModal({
  user,
  onClose,
  orgOptions,
}: {
  user: UserRow;
  onClose: () => void;
  orgOptions: OrgOptions;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditFields>();
  const update = useUpdateUser();
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (v: EditFields) =>
    update.mutate(
      {
        id: user.id,
        body: {
          expectedVersion: user.version,
          displayName: v.displayName,
          roles: (v.roles ?? []).map((r) => ({ role: r.role, org: r.org || undefined })),
        },
      },
      {
        onSuccess: () => {
          message.success(t("admin.users.saved"));
          onClose();
        },
        onError: (err) => setGeneral(applyServerErrors(form, err, locale, ROLE_FIELDS, t("error.generic"))),
      },
    );
  return (
    <Modal
      open
      title={t("admin.users.editTitle", { name: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("admin.users.save")}
      cancelText={t("admin.users.cancel")}
      confirmLoading={update.isPending}
      width={640}
      okButtonProps={{ "data-testid": "user-edit-ok" } as Record<string, string>}
    >
      {general.length > 0 && (
        <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} />
      )}
      <Form<EditFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          displayName: user.displayName,
          roles: user.roles.map((r) => ({ role: r.role as Role, org: r.orgCode ?? undefined })),
        }}
      >
        <Form.Item
          name="displayName"
          label={t("admin.users.displayName")}
          rules={[{ required: true, message: t("admin.users.required") }]}
        >
          <Input />
        </Form.Item>
        <RolesField orgOptions={orgOptions} />
      </Form>
    </Modal>
  );
}
