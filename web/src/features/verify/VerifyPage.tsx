import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Input, Result, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { type Verification, type VerificationResult, verifyByLink, verifyJson } from "../certificates/api";
import { useCertTexts } from "../certificates/texts";

const STATUS: Record<VerificationResult, "success" | "warning" | "error" | "info"> = {
  valid: "success",
  revoked: "error",
  expired: "warning",
  unknown: "info",
  tampered: "error",
};

/** The answer of a verification, in both languages (the public may read either). */
function VerificationResultView({ v }: { v: Verification }) {
  const { t, zh, en } = useCertTexts();
  const c = v.certificate;
  return (
    <Result
      data-testid="verify-result"
      data-result={v.result}
      status={STATUS[v.result]}
      title={
        <span data-testid={`verify-${v.result}`}>
          {zh(`verify.result.${v.result}`)} · {en(`verify.result.${v.result}`)}
        </span>
      }
      subTitle={`${zh(`verify.explain.${v.result}`)} ${en(`verify.explain.${v.result}`)}`}
      extra={
        c && (
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ maxWidth: 640, margin: "0 auto", textAlign: "left" }}
          >
            <Descriptions.Item label={t("cert.name")}>{c.name}</Descriptions.Item>
            <Descriptions.Item label={t("cert.number")}>{c.number}</Descriptions.Item>
            <Descriptions.Item label={t("cert.holder")}>{c.holderName}</Descriptions.Item>
            <Descriptions.Item label={t("cert.holderCode")}>{c.holderCode}</Descriptions.Item>
            <Descriptions.Item label={t("cert.issuer")}>{c.issuerName}</Descriptions.Item>
            <Descriptions.Item label={t("cert.issuedOn")}>{c.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t("cert.validUntil")}>
              {c.validUntil ?? t("cert.longTerm")}
            </Descriptions.Item>
            {c.revocationReason && (
              <Descriptions.Item label={t("cert.revocation")}>{c.revocationReason}</Descriptions.Item>
            )}
            <Descriptions.Item label={t("cert.key")}>
              {c.algorithm} · {c.keyId}
            </Descriptions.Item>
          </Descriptions>
        )
      }
    />
  );
}

/** `/verify`: public certificate verification — from the QR link's parameters, or pasted JSON. */
export default function VerifyPage() {
  const { t } = useCertTexts();
  const [params] = useSearchParams();
  const search = params.toString();
  const hasLink = params.has("id") || params.has("no");
  const link = useQuery({
    queryKey: ["verify", search],
    queryFn: () => verifyByLink(search),
    enabled: hasLink,
  });
  const [text, setText] = useState("");
  const [pasted, setPasted] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check() {
    setError(null);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      setError(t("verify.badJson"));
      return;
    }
    setBusy(true);
    try {
      setPasted(await verifyJson(doc));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: "100%", maxWidth: 880, margin: "0 auto" }}
      data-testid="page-verify"
    >
      <Typography.Title level={2}>
        <SafetyCertificateOutlined /> {t("verify.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("verify.subtitle")}</Typography.Paragraph>
      {hasLink && (
        <Card>
          {link.isLoading && <Spin />}
          {link.data && <VerificationResultView v={link.data} />}
          {link.isError && <Alert type="error" title={String(link.error)} />}
        </Card>
      )}
      {!hasLink && !pasted && <Alert type="info" title={t("verify.noParams")} />}
      <Card title={t("verify.paste")} size="small">
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Input.TextArea
            aria-label={t("verify.paste")}
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="verify-json"
            placeholder='{"format":"yizhan-certificate/2", …}'
          />
          {error && <Alert type="error" title={error} />}
          <Button type="primary" onClick={check} loading={busy} data-testid="verify-submit">
            {t("verify.check")}
          </Button>
          {pasted && <VerificationResultView v={pasted} />}
        </Space>
      </Card>
    </Space>
  );
}
