import { Alert, Button, Select, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { useOrganizationOptions } from "../cases/api";
import { type Project, useSetLandTransferOrg } from "./api";

/**
 * The project's land-transfer body (土地出让机构): the outside body (a township, a department) whose
 * land-transfer system records the land-grant contract and the land delivery through the API. None
 * named: only the bureau's staff record them. The helper, window or approver changes it here; the
 * version the page shows is sent (a stale page is reloaded and says so).
 */
export function LandTransferOrg({ project: p }: { project: Project }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<string>(p.landTransferOrg?.code ?? "");
  const orgs = useOrganizationOptions(editing);
  const save = useSetLandTransferOrg(p.id);
  const outside = (orgs.data ?? []).filter((o) => o.kind === "township" || o.kind === "department");
  if (!editing)
    return (
      <Space wrap data-testid="land-transfer-org">
        <Typography.Text>
          {p.landTransferOrg ? p.landTransferOrg.name : t("prj.transfer.none")}
        </Typography.Text>
        {p.abilities.setLandTransferOrg && (
          <Button
            size="small"
            onClick={() => {
              setChoice(p.landTransferOrg?.code ?? "");
              save.reset();
              setEditing(true);
            }}
            data-testid="land-transfer-edit"
          >
            {t(p.landTransferOrg ? "prj.transfer.change" : "prj.transfer.edit")}
          </Button>
        )}
      </Space>
    );
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="land-transfer-form">
      <Space wrap>
        <Select
          aria-label={t("prj.transfer.label")}
          style={{ minWidth: 260 }}
          loading={orgs.isLoading}
          value={choice}
          onChange={setChoice}
          placeholder={t("prj.transfer.placeholder")}
          options={[
            { value: "", label: t("prj.transfer.clear") },
            ...outside.map((o) => ({ value: o.code, label: o.name })),
          ]}
          data-testid="land-transfer-select"
        />
        <Button
          type="primary"
          size="small"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { expectedVersion: p.version, orgCode: choice || null },
              { onSuccess: () => setEditing(false) },
            )
          }
          data-testid="land-transfer-save"
        >
          {t("prj.transfer.save")}
        </Button>
        <Button size="small" onClick={() => setEditing(false)}>
          {t("prj.transfer.cancel")}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t("prj.transfer.hint")}</Typography.Text>
      {orgs.isError && <Alert type="error" showIcon title={t("prj.transfer.orgsFailed")} />}
      {save.error instanceof ApiError && (
        <Alert
          type="error"
          showIcon
          data-testid="land-transfer-error"
          title={
            save.error.status === 409
              ? t("prj.transfer.stale")
              : (save.error.messageIn(locale) ?? save.error.code)
          }
        />
      )}
    </Space>
  );
}
