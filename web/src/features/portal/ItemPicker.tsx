import { Alert, Button, Card, Form, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { useCreateApplication } from "../cases/api";
import { useApplicableItems } from "./api";

/** 新的申请, step 1: pick an item of the public catalog; starting creates the draft. */
export function ItemPicker() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const items = useApplicableItems();
  const create = useCreateApplication();
  const [code, setCode] = useState<string | undefined>(params.get("item") ?? undefined);
  const start = async () => {
    if (!code) return;
    const c = await create.mutateAsync({ itemCode: code, formData: {} });
    navigate(`/portal/apply/${c.id}`, { replace: true });
  };
  const createError =
    create.error instanceof ApiError ? create.error.messageIn(locale) : create.error?.message;
  return (
    <Card title={t("portal.pickItem")} data-testid="item-picker">
      <Typography.Paragraph type="secondary">{t("portal.pickItemHint")}</Typography.Paragraph>
      {items.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("portal.itemsError")}
          description={items.error.message}
          action={<Button onClick={() => items.refetch()}>{t("cases.retry")}</Button>}
        />
      )}
      <Form layout="vertical" onFinish={start}>
        <Form.Item label={t("case.item")} required>
          <Select
            aria-label={t("case.item")}
            showSearch={{ optionFilterProp: "label" }}
            loading={items.isLoading}
            disabled={items.isError}
            value={code}
            onChange={setCode}
            placeholder={t("portal.pickItemPlaceholder")}
            data-testid="item-select"
            style={{ maxWidth: 560 }}
            options={(items.data ?? []).map((i) => ({
              value: i.code,
              label: `${i.name}（${t(i.handlingType === "immediate" ? "case.handling.immediate" : "case.handling.promised")}）`,
            }))}
          />
        </Form.Item>
        {createError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={createError} />}
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            disabled={!code}
            loading={create.isPending}
            data-testid="item-start"
          >
            {t("portal.start")}
          </Button>
          <Button onClick={() => navigate("/portal")}>{t("cases.back")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
