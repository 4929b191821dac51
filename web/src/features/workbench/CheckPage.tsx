import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { call, yz } from "../../api/client";
import { LinkButton } from "../../components/LinkButton";
import { useI18n } from "../../i18n/useT";
import { documentPdfUrl, fullCase, useCase } from "../cases/api";
import { ClockTag } from "../cases/ClockTag";
import { StatusTag } from "../cases/StatusTag";
import type { CaseDetail } from "../cases/types";
import { type CaseAction, useCaseAction, useServiceItem } from "./api";
import { CheckActions, type Outcome, type Runner } from "./CheckActions";
import { CheckDueTag } from "./CheckDueTag";
import { CheckTable } from "./CheckTable";
import { type Checks, checkBody, initialChecks } from "./checks";

/**
 * 材料核验 (`/workbench/cases/:id/check`): the clerk checks each material against the item's list and
 * finishes the visit with one click — one-time notice, acceptance (容缺), 当场办结, refusal or referral.
 */
export default function CheckPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const detail = useCase(id);
  const item = useServiceItem(detail.data?.itemCode);
  const action = useCaseAction();
  const [checks, setChecks] = useState<Checks>({});
  const [seenVersion, setSeenVersion] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ kind: Outcome; c: CaseDetail } | null>(null);
  const c = detail.data;

  // (Re)build the rows when another version of the case arrives (first load, a reload after a 409).
  useEffect(() => {
    if (c && c.version !== seenVersion && !outcome) {
      setChecks(initialChecks(c));
      setSeenVersion(c.version);
    }
  }, [c, seenVersion, outcome]);

  if (detail.isLoading) return <Skeleton active data-testid="check-loading" />;
  if (detail.error || !c) {
    const e = detail.error;
    return (
      <Result
        status={e instanceof ApiError && e.status === 403 ? "403" : "warning"}
        title={t("wb.loadError", {
          message: e instanceof ApiError ? (e.messageIn(locale) ?? e.code) : String(e),
        })}
        extra={<Button onClick={() => detail.refetch()}>{t("common.retry")}</Button>}
        data-testid="check-error"
      />
    );
  }

  const run: Runner = async (command, body, withChecks) => {
    let version = c.version;
    const list = checkBody(c, checks);
    if (withChecks && list.length) {
      const checked = await call(
        yz.POST("/api/cases/{id}/material-checks", {
          params: { path: { id: c.id } },
          body: { expectedVersion: version, checks: list },
        }),
      );
      version = fullCase(checked).version;
    }
    return action.mutateAsync({ id: c.id, command, version, body } as CaseAction);
  };

  if (outcome) return <OutcomeView kind={outcome.kind} c={outcome.c} />;

  const open = c.status === "submitted";
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="page-check">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <div>
          <Link to="/workbench?queue=awaiting_check">
            <ArrowLeftOutlined /> {t("nav.workbench")}
          </Link>
          <Typography.Title level={3} style={{ margin: "4px 0" }} data-testid="page-title">
            {t("wb.check.title")} · {c.number}
          </Typography.Title>
          <Typography.Text type="secondary">{t("wb.check.subtitle")}</Typography.Text>
        </div>
        <Link to={`/cases/${c.id}`}>{t("wb.action.open")}</Link>
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t("wb.col.item")}>
            {c.itemName} <Tag>{c.handlingType === "immediate" ? t("wb.immediate") : t("wb.promised")}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("wb.col.applicant")}>{c.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t("wb.col.status")}>
            <StatusTag status={c.status} label={c.statusLabel} />
          </Descriptions.Item>
          <Descriptions.Item label={t("wb.col.received")}>{c.receivedOn ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("wb.col.checkDue")}>
            <CheckDueTag checkDueOn={c.checkDueOn} />
          </Descriptions.Item>
          <Descriptions.Item label={t("wb.col.clock")}>
            <ClockTag clock={c.clock} />
          </Descriptions.Item>
          {c.correctionRounds > 0 ? (
            <Descriptions.Item label={t("wb.check.rounds")}>{c.correctionRounds}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {open ? null : (
        <Alert
          type="info"
          showIcon
          data-testid="check-closed"
          title={t("wb.check.notOpen", { status: c.statusLabel[locale] })}
          action={<Link to={`/cases/${c.id}`}>{t("wb.action.open")}</Link>}
        />
      )}
      <Card title={t("wb.check.list")} loading={item.isLoading}>
        <CheckTable
          c={c}
          list={item.data?.content.materials ?? []}
          checks={checks}
          disabled={!open || !c.abilities.checkMaterials}
          onChange={(code, patch) =>
            setChecks((prev) => ({
              ...prev,
              [code]: { ...(prev[code] ?? { verdict: null, note: "" }), ...patch },
            }))
          }
        />
      </Card>
      {open ? (
        <Card size="small">
          <CheckActions
            c={c}
            list={item.data?.content.materials ?? []}
            checks={checks}
            run={run}
            onDone={(kind, next) => setOutcome({ kind, c: next })}
          />
        </Card>
      ) : null}
    </Space>
  );
}

/** What the visit ended with, and where to go next. */
function OutcomeView({ kind, c }: { kind: Outcome; c: CaseDetail }) {
  const { t } = useI18n();
  // After acceptance the 受理通知书; otherwise the notice the act produced (the latest).
  const doc = c.documents.find((d) => kind === "accepted" && d.kind === "acceptance") ?? c.documents.at(-1);
  return (
    <Result
      status={kind === "refused" ? "warning" : "success"}
      data-testid="check-outcome"
      data-outcome={kind}
      title={t(`wb.outcome.${kind}`, { number: c.number })}
      subTitle={doc ? t("wb.outcome.document", { title: doc.title, number: doc.number }) : undefined}
      extra={[
        ...(doc
          ? [
              <Button
                key="print"
                href={documentPdfUrl(c.id, doc.id)}
                target="_blank"
                rel="noreferrer"
                icon={<PrinterOutlined />}
                data-testid="outcome-print"
              >
                {doc.kind === "acceptance"
                  ? t("queues.printAcceptance")
                  : t("queues.printDocument", { name: doc.title })}
              </Button>,
            ]
          : []),
        <LinkButton key="case" to={`/cases/${c.id}`} type="primary" data-testid="outcome-case-link">
          {t("wb.outcome.openCase")}
        </LinkButton>,
        <LinkButton key="back" to="/workbench">
          {t("wb.outcome.back")}
        </LinkButton>,
      ]}
    />
  );
}
