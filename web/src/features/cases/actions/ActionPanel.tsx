import { PrinterOutlined } from "@ant-design/icons";
import { Alert, App, Button, Popconfirm, Space } from "antd";
import { type ComponentType, useRef, useState } from "react";
import { ApiError } from "../../../api/ApiError";
import type { MessageKey } from "../../../i18n/translate";
import { useI18n } from "../../../i18n/useT";
import { type CaseCommandName, documentPdfUrl, isVersionConflict, useCaseCommand } from "../api";
import type { CaseDetail } from "../types";
import { AcceptModal } from "./AcceptModal";
import { CorrectionModal } from "./CorrectionModal";
import {
  DecideModal,
  ExtendModal,
  type ModalProps,
  ReferModal,
  RefuseModal,
  ResumeModal,
  SuspendModal,
  WithdrawModal,
} from "./SimpleCommandModals";

/** Commands that need no input: a confirmation, then the request. */
const DIRECT = ["submit", "resubmit", "issue", "complete"] as const;
type Direct = (typeof DIRECT)[number];

/** Commands with a form, in the order their buttons appear. */
const WITH_FORM: [CaseCommandName, ComponentType<ModalProps>, { primary?: boolean; danger?: boolean }][] = [
  ["accept", AcceptModal, { primary: true }],
  ["requestCorrection", CorrectionModal, {}],
  ["refuse", RefuseModal, { danger: true }],
  ["refer", ReferModal, {}],
  ["decide", DecideModal, { primary: true }],
  ["suspend", SuspendModal, {}],
  ["resume", ResumeModal, { primary: true }],
  ["extend", ExtendModal, {}],
  ["withdraw", WithdrawModal, { danger: true }],
];

type Props = {
  caseData: CaseDetail;
  /** Commands this screen handles itself (e.g. the portal submits from its own form). */
  exclude?: readonly CaseCommandName[];
};

/** Whether the panel would show any button for this case. */
export function hasActions(caseData: CaseDetail, exclude: readonly CaseCommandName[] = []): boolean {
  const names: CaseCommandName[] = [...DIRECT, ...WITH_FORM.map(([c]) => c)];
  return names.some((c) => caseData.abilities[c] === true && !exclude.includes(c));
}

/**
 * The buttons of the commands the user may run on the case now — driven only by `abilities` — each
 * with its confirmation or modal form. Shows nothing when no command is allowed.
 */
export function ActionPanel({ caseData, exclude = [] }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<CaseCommandName | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const run = useCaseCommand(caseData.id);
  const allowed = (c: CaseCommandName) => caseData.abilities[c] === true && !exclude.includes(c);

  const direct = async (c: Direct) => {
    setProblems([]);
    try {
      await run.mutateAsync({ command: c, version: caseData.version, body: {} });
      void message.success(t("action.done", { action: t(`action.${c}` as MessageKey) }));
    } catch (err) {
      if (isVersionConflict(err)) return;
      const list = err instanceof ApiError ? Object.values(err.fieldMessages(locale)).flat() : [];
      const general = err instanceof ApiError ? err.messageIn(locale) : undefined;
      setProblems(list.length ? list : [general ?? t("error.generic")]);
    }
  };

  const directButtons = DIRECT.filter(allowed);
  const formButtons = WITH_FORM.filter(([c]) => allowed(c));
  if (directButtons.length + formButtons.length === 0) return null;
  return (
    <div data-testid="action-panel">
      <Space wrap>
        {directButtons.map((c) => (
          <Popconfirm
            key={c}
            title={t(`action.${c}.confirm` as MessageKey)}
            okText={t("action.confirm")}
            cancelText={t("action.cancel")}
            onConfirm={() => direct(c)}
          >
            <Button
              type="primary"
              loading={run.isPending && run.variables?.command === c}
              data-testid={`action-${c}`}
            >
              {t(`action.${c}` as MessageKey)}
            </Button>
          </Popconfirm>
        ))}
        {formButtons.map(([c, , style]) => (
          <Button
            key={c}
            type={style.primary ? "primary" : "default"}
            danger={style.danger}
            onClick={() => setOpen(c)}
            data-testid={`action-${c}`}
          >
            {t(`action.${c}` as MessageKey)}
          </Button>
        ))}
      </Space>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblems([]) }}
          style={{ marginTop: 12 }}
          data-testid="action-error"
          title={problems.length === 1 ? problems[0] : t("action.problems")}
          description={
            problems.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {formButtons.map(([c, Modal]) => (
        <Modal key={c} caseData={caseData} open={open === c} onClose={() => setOpen(null)} />
      ))}
    </div>
  );
}

/**
 * The 文书 an act just produced on this page (受理通知书, 补正告知书, 不予受理决定书, 准予/不予许可决定书,
 * 延期通知书 …), each with its print button, right after the act: the documents the case did not have when
 * the page opened.
 */
export function NewDocuments({ caseData }: { caseData: CaseDetail }) {
  const { t } = useI18n();
  const before = useRef<Set<string> | null>(null);
  before.current ??= new Set(caseData.documents.map((d) => d.id));
  const known = before.current;
  const fresh = caseData.documents.filter((d) => !known.has(d.id));
  if (fresh.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="new-documents">
      {fresh.map((d) => (
        <Alert
          key={d.id}
          type="success"
          showIcon
          title={t("wb.outcome.document", { title: d.title, number: d.number })}
          action={
            <Button
              href={documentPdfUrl(caseData.id, d.id)}
              target="_blank"
              rel="noreferrer"
              icon={<PrinterOutlined />}
              data-testid={`print-${d.kind}`}
            >
              {d.kind === "acceptance"
                ? t("queues.printAcceptance")
                : t("queues.printDocument", { name: d.title })}
            </Button>
          }
        />
      ))}
    </Space>
  );
}
