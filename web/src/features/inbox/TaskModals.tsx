import { useQueryClient } from "@tanstack/react-query";
import { Descriptions, Form, Input } from "antd";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { ActionModal } from "../workbench/ActionModal";
import { type InboxTask, useCommentTask, useCompleteTask } from "./api";

type Props = {
  task: InboxTask | null;
  mode: "comment" | "approve" | "return" | null;
  onClose: (done?: string) => void;
};

/** The task's comment, approve and return forms (an opinion is required; server errors on the field). */
export function TaskModals({ task, mode, onClose }: Props) {
  const { t } = useI18n();
  const comment = useCommentTask();
  const complete = useCompleteTask();
  const qc = useQueryClient();
  if (!task || !mode) return null;

  const summary = (
    <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t("wb.col.number")}>{task.case.number}</Descriptions.Item>
      <Descriptions.Item label={t("wb.col.item")}>{task.case.itemName}</Descriptions.Item>
      <Descriptions.Item label={t("inbox.col.step")}>
        {task.stepName} · {task.orgName}
      </Descriptions.Item>
    </Descriptions>
  );

  if (mode === "comment") {
    return (
      <ActionModal<{ text: string }>
        open
        title={t("inbox.comment.title")}
        okText={t("inbox.comment.ok")}
        testId="comment-modal"
        onCancel={() => onClose()}
        onSubmit={async (v) => {
          await comment.mutateAsync({ id: task.id, text: v.text });
          onClose(t("inbox.commented"));
        }}
      >
        {() => (
          <>
            {summary}
            <Form.Item
              name="text"
              label={t("inbox.comment.text")}
              rules={[{ required: true, whitespace: true, message: t("inbox.comment.required") }]}
            >
              <Input.TextArea rows={3} maxLength={4000} data-testid="comment-text" />
            </Form.Item>
          </>
        )}
      </ActionModal>
    );
  }

  const approve = mode === "approve";
  return (
    <ActionModal<{ opinion: string }>
      open
      title={t(approve ? "action.recommend" : "inbox.return.title")}
      okText={t(approve ? "action.recommend" : "action.sendBack")}
      danger={!approve}
      testId="complete-modal"
      onCancel={() => onClose()}
      onSubmit={async (v) => {
        try {
          await complete.mutateAsync({
            id: task.id,
            version: task.version,
            outcome: approve ? "approve" : "return",
            opinion: v.opinion,
          });
        } catch (e) {
          // A stale screen: say so (the modal shows the 409) and bring the list up to date.
          if (e instanceof ApiError && e.status === 409)
            void qc.invalidateQueries({ queryKey: ["review-tasks"] });
          throw e;
        }
        onClose(t(approve ? "inbox.approved" : "inbox.returned"));
      }}
    >
      {() => (
        <>
          {summary}
          <Form.Item
            name="opinion"
            label={t("inbox.opinion")}
            extra={approve ? undefined : t("inbox.return.hint")}
            rules={[{ required: true, whitespace: true, message: t("inbox.opinion.required") }]}
          >
            <Input.TextArea rows={4} maxLength={4000} data-testid="opinion" />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}
