import { Alert, App, Button, Card, Form, Input, Select, Steps, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { ActionModal } from "../workbench/ActionModal";
import { type Project, STAGES, type Stage, useChangeStage } from "./api";

type Values = { stage: Stage; note: string; reason?: string };

/**
 * The project's stage as steps (立项用地规划许可 → 工程建设许可 → 施工许可 → 竣工验收) and, for the
 * bureau's staff, the button that moves it forward: a modal asks for the stage (the next by default;
 * a later one needs a reason) and a note, and sends the version the page shows (409 when stale).
 */
export function StageCard({ project: p }: { project: Project }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  // A stale page (409): the modal closes, the page shows the project as it is now and says why.
  const [conflict, setConflict] = useState<string | null>(null);
  const change = useChangeStage(p.id);
  const at = STAGES.indexOf(p.stage);
  const later = STAGES.slice(at + 1);
  const name = (s: string) => t(`prj.stage.${s}` as MessageKey);
  const canAdvance = p.abilities.changeProjectStage && later.length > 0;
  return (
    <Card
      title={t("prj.stage.title")}
      data-testid="project-stage"
      data-stage={p.stage}
      extra={
        p.abilities.changeProjectStage &&
        (canAdvance ? (
          <Button
            type="primary"
            onClick={() => {
              setConflict(null);
              setOpen(true);
            }}
            data-testid="stage-advance"
          >
            {t("prj.stage.advance")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("prj.stage.final")}</Typography.Text>
        ))
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          style={{ marginBottom: 16 }}
          data-testid="stage-conflict"
        />
      )}
      <Steps
        current={at}
        status={later.length === 0 ? "finish" : "process"}
        items={STAGES.map((s) => ({ title: name(s) }))}
        data-testid="stage-steps"
      />
      <ActionModal<Values>
        open={open}
        title={t("prj.stage.modalTitle")}
        okText={t("prj.stage.ok")}
        testId="stage-modal"
        initialValues={{ stage: later[0] }}
        onCancel={() => setOpen(false)}
        onSubmit={async (v) => {
          let next: Project;
          try {
            next = await change.mutateAsync({
              expectedVersion: p.version,
              stage: v.stage,
              note: v.note,
              ...(v.reason ? { reason: v.reason } : {}),
            });
          } catch (e) {
            if (!(e instanceof ApiError) || e.status !== 409) throw e;
            setConflict(e.messageIn(locale) ?? e.code);
            setOpen(false);
            return;
          }
          setOpen(false);
          void message.success(t("prj.stage.done", { stage: name(next.stage) }));
        }}
      >
        {() => (
          <>
            <Typography.Paragraph type="secondary">
              {t("prj.stage.current", { stage: name(p.stage) })}
            </Typography.Paragraph>
            <Form.Item name="stage" label={t("prj.stage.to")} rules={[{ required: true }]}>
              <Select data-testid="stage-target" options={later.map((s) => ({ value: s, label: name(s) }))} />
            </Form.Item>
            <Form.Item
              name="note"
              label={t("prj.stage.note")}
              rules={[{ required: true, whitespace: true, message: t("prj.required") }]}
            >
              <Input.TextArea
                rows={2}
                placeholder={t("prj.stage.notePlaceholder")}
                data-testid="stage-note"
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.stage !== b.stage}>
              {({ getFieldValue }) =>
                getFieldValue("stage") !== later[0] ? (
                  <Form.Item
                    name="reason"
                    label={t("prj.stage.reason")}
                    extra={t("prj.stage.reasonHint")}
                    rules={[{ required: true, whitespace: true, message: t("prj.required") }]}
                  >
                    <Input.TextArea rows={2} data-testid="stage-reason" />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Card>
  );
}
