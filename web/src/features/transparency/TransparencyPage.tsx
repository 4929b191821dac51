import {
  CheckCircleFilled,
  CloseCircleFilled,
  DeploymentUnitOutlined,
  MinusCircleOutlined,
  ReloadOutlined,
} from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  InputNumber,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { dataLang } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import {
  fetchConsistencyProof,
  fetchEntry,
  fetchInclusionProof,
  type TCheckpoint,
  type TLogKeys,
  useCheckpoints,
  useLatestCheckpoint,
  useLogKeys,
} from "./api";
import { leafHash, verifyConsistency, verifyEd25519, verifyInclusion } from "./merkle";

type StepState = "ok" | "fail" | "skipped";
type Step = { key: string; state: StepState; detail: string };
type T = ReturnType<typeof useI18n>["t"];

const mono = {
  fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
  wordBreak: "break-all",
} as const;

/** Whether the note's lines name the checkpoint's own size, root and time (what the signature binds). */
function noteMatches(c: TCheckpoint): boolean {
  const lines = c.note.split("\n");
  return (
    lines[0] === "yizhan-transparency/v1" &&
    lines[2] === String(c.treeSize) &&
    lines[3] === c.rootHash &&
    lines[4] === c.timestamp &&
    c.note.endsWith("\n")
  );
}

/** Checks a checkpoint's signature in the browser: the note's fields, then Ed25519 in WebCrypto. */
async function signatureStep(t: T, c: TCheckpoint, keys: TLogKeys["items"]): Promise<Step> {
  if (!noteMatches(c)) return { key: "signature", state: "fail", detail: t("tr.step.noteMismatch") };
  const key = keys.find((k) => k.keyId === c.keyId);
  if (!key) return { key: "signature", state: "fail", detail: t("tr.step.noKey", { key: c.keyId }) };
  if (c.algorithm !== "Ed25519")
    return { key: "signature", state: "skipped", detail: t("tr.step.algUnsupported", { alg: c.algorithm }) };
  const r = await verifyEd25519(key.publicKeyPem, c.note, c.signature);
  if (r === "unsupported") return { key: "signature", state: "skipped", detail: t("tr.step.noEd25519") };
  return r === "valid"
    ? { key: "signature", state: "ok", detail: t("tr.step.signatureOk", { key: c.keyId }) }
    : { key: "signature", state: "fail", detail: t("tr.step.signatureBad") };
}

/** The whole check of one leaf against the latest checkpoint, step by step. */
async function checkLeaf(t: T, leafIndex: number, c: TCheckpoint, keys: TLogKeys["items"]) {
  const steps: Step[] = [];
  if (leafIndex >= c.treeSize) {
    steps.push({ key: "entry", state: "fail", detail: t("tr.step.notYet", { size: c.treeSize }) });
    return { steps, entry: undefined };
  }
  const entry = await fetchEntry(leafIndex);
  if (!entry) {
    steps.push({ key: "entry", state: "fail", detail: t("tr.step.noEntry") });
    return { steps, entry: undefined };
  }
  steps.push({ key: "entry", state: "ok", detail: t("tr.step.entryOk", { kind: entry.kind }) });
  const computed = await leafHash(entry.entry);
  steps.push(
    computed === entry.leafHash
      ? { key: "leaf", state: "ok", detail: t("tr.step.leafOk", { hash: computed }) }
      : { key: "leaf", state: "fail", detail: t("tr.step.leafBad", { hash: computed }) },
  );
  const proof = await fetchInclusionProof(leafIndex, c.treeSize);
  const inc = await verifyInclusion(leafIndex, c.treeSize, computed, proof.auditPath, c.rootHash);
  steps.push(
    inc.ok
      ? {
          key: "inclusion",
          state: "ok",
          detail: t("tr.step.inclusionOk", { n: proof.auditPath.length, size: c.treeSize }),
        }
      : { key: "inclusion", state: "fail", detail: t("tr.step.inclusionBad", { reason: inc.reason }) },
  );
  steps.push(await signatureStep(t, c, keys));
  return { steps, entry: entry.entry };
}

const ICON: Record<StepState, React.ReactNode> = {
  ok: <CheckCircleFilled style={{ color: "#237804" }} />,
  fail: <CloseCircleFilled style={{ color: "#a8071a" }} />,
  skipped: <MinusCircleOutlined style={{ color: "#595959" }} />,
};

function StepList({ steps, testId }: { steps: Step[]; testId: string }) {
  const { t } = useI18n();
  return (
    <ol style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid={testId}>
      {steps.map((s) => (
        <li
          key={s.key}
          style={{ display: "flex", gap: 8, padding: "6px 0" }}
          data-testid={`step-${s.key}`}
          data-state={s.state}
        >
          <span aria-hidden>{ICON[s.state]}</span>
          <span>
            <Typography.Text strong>{t(`tr.stepName.${s.key}` as "tr.stepName.entry")}</Typography.Text>
            {" — "}
            <Typography.Text type={s.state === "fail" ? "danger" : undefined}>
              {t(`tr.state.${s.state}`)}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ ...mono, fontSize: 12 }}>
              {s.detail}
            </Typography.Text>
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * `/transparency` (public): the transparency log's latest signed checkpoint and its archive, and a proof
 * check that runs in the browser — the entry's leaf hash, its inclusion proof up to the checkpoint's root
 * (RFC 6962 §2.1, WebCrypto SHA-256) and the checkpoint's Ed25519 signature — each step shown.
 * `?leaf=N` (the link printed on notices and certificates) checks that leaf at once.
 */
export default function TransparencyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const latest = useLatestCheckpoint();
  const archive = useCheckpoints(20);
  const keys = useLogKeys();
  const leafParam = params.get("leaf");
  const initialLeaf = leafParam !== null && /^\d+$/.test(leafParam) ? Number(leafParam) : null;
  const [leaf, setLeaf] = useState<number | null>(initialLeaf);
  const [result, setResult] = useState<{ leaf: number; steps: Step[]; entry?: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [headSteps, setHeadSteps] = useState<Step[] | null>(null);

  const c = latest.data;
  const keyList = keys.data;
  const older = archive.data?.find((x) => c && x.treeSize < c.treeSize && x.treeSize > 0);

  // The latest checkpoint's own checks: its signature, and that it extends the one before it.
  useEffect(() => {
    if (!c || !keyList) return;
    let live = true;
    (async () => {
      const steps = [await signatureStep(t, c, keyList)];
      if (older) {
        const p = await fetchConsistencyProof(older.treeSize, c.treeSize);
        const r = await verifyConsistency(older.treeSize, c.treeSize, older.rootHash, c.rootHash, p.proof);
        steps.push(
          r.ok
            ? {
                key: "consistency",
                state: "ok",
                detail: t("tr.step.consistencyOk", { first: older.treeSize, second: c.treeSize }),
              }
            : {
                key: "consistency",
                state: "fail",
                detail: t("tr.step.consistencyBad", { reason: r.reason }),
              },
        );
      }
      if (live) setHeadSteps(steps);
    })().catch(() => live && setHeadSteps(null));
    return () => {
      live = false;
    };
  }, [c, keyList, older, t]);

  const run = async (n: number) => {
    if (!c || !keyList) return;
    setChecking(true);
    setError(null);
    try {
      setResult({ leaf: n, ...(await checkLeaf(t, n, c, keyList)) });
    } catch {
      setError(t("tr.checkError"));
    } finally {
      setChecking(false);
    }
  };

  // `?leaf=N`: check it as soon as the checkpoint and the keys are here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per leaf asked in the address
  useEffect(() => {
    if (initialLeaf !== null && c && keyList && result?.leaf !== initialLeaf) void run(initialLeaf);
  }, [initialLeaf, c, keyList]);

  if (latest.isLoading || keys.isLoading)
    return (
      <Card data-testid="page-transparency">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (latest.isError || keys.isError)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="transparency-error"
        title={t("pub.loadError")}
        action={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void latest.refetch();
              void keys.refetch();
            }}
          >
            {t("pub.retry")}
          </Button>
        }
      />
    );
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-transparency">
      <Card>
        <Typography.Title level={4} data-testid="page-title">
          <DeploymentUnitOutlined /> {t("tr.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("tr.subtitle")}</Typography.Paragraph>
        {!c ? (
          <Empty description={t("tr.noCheckpoint")} />
        ) : (
          <>
            <Descriptions
              bordered
              size="small"
              column={1}
              title={t("tr.latest")}
              data-testid="latest-checkpoint"
              items={[
                {
                  key: "size",
                  label: t("tr.treeSize"),
                  children: <span data-testid="tree-size">{c.treeSize}</span>,
                },
                { key: "root", label: t("tr.rootHash"), children: <span style={mono}>{c.rootHash}</span> },
                { key: "time", label: t("tr.timestamp"), children: c.timestamp },
                {
                  key: "key",
                  label: t("tr.key"),
                  children: <span style={mono}>{`${c.keyId} (${c.algorithm})`}</span>,
                },
              ]}
            />
            {headSteps && (
              <div style={{ marginTop: 12 }}>
                <StepList steps={headSteps} testId="checkpoint-steps" />
              </div>
            )}
          </>
        )}
      </Card>
      <Card title={t("tr.checkTitle")} size="small">
        <Typography.Paragraph type="secondary">{t("tr.checkHint")}</Typography.Paragraph>
        <Form
          layout="inline"
          onFinish={() => {
            if (leaf === null) return;
            setParams({ leaf: String(leaf) });
            void run(leaf);
          }}
        >
          <Form.Item label={t("tr.leafIndex")} htmlFor="tr-leaf">
            <InputNumber
              id="tr-leaf"
              min={0}
              precision={0}
              value={leaf}
              onChange={(v) => setLeaf(typeof v === "number" ? v : null)}
              data-testid="leaf-input"
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={checking}
              disabled={!c || leaf === null}
              data-testid="leaf-check"
            >
              {t("tr.check")}
            </Button>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        {result && (
          <div style={{ marginTop: 12 }}>
            <Typography.Title level={5}>{t("tr.resultFor", { n: result.leaf })}</Typography.Title>
            <StepList steps={result.steps} testId="leaf-steps" />
            {result.entry && (
              <>
                <Typography.Text strong>{t("tr.entry")}</Typography.Text>
                <pre
                  lang={dataLang(result.entry)}
                  style={{ ...mono, whiteSpace: "pre-wrap", background: "#fafafa", padding: 8, fontSize: 12 }}
                  data-testid="leaf-entry"
                >
                  {result.entry}
                </pre>
              </>
            )}
          </div>
        )}
      </Card>
      <Card title={t("tr.archive")} size="small">
        <Table<TCheckpoint>
          rowKey="treeSize"
          size="small"
          loading={archive.isLoading}
          dataSource={archive.data ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description={t("tr.noCheckpoint")} /> }}
          columns={[
            { title: t("tr.treeSize"), dataIndex: "treeSize", align: "right", width: 100 },
            {
              title: t("tr.rootHash"),
              dataIndex: "rootHash",
              render: (v: string) => <span style={mono}>{v}</span>,
            },
            { title: t("tr.timestamp"), dataIndex: "timestamp", width: 220 },
            {
              title: t("tr.key"),
              dataIndex: "keyId",
              render: (v: string, r) => <Tag>{`${v} · ${r.algorithm}`}</Tag>,
            },
          ]}
          data-testid="checkpoint-archive"
        />
      </Card>
    </Space>
  );
}
