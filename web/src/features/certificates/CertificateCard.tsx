import { FilePdfOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Form, Grid, Input, Modal, Radio, Space, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { apiPath, call, yz } from "../../api/client";
import { ZhText } from "../../components/ZhText";
import { CERTS, type Certificate, verifyPath } from "./api";
import { useCertTexts } from "./texts";

const COLOR = { valid: "green", revoked: "red", expired: "orange" } as const;

/** One e-certificate: the official fields, downloads (PDF, JSON), the verification link, revocation. */
export function CertificateCard({ cert }: { cert: Certificate }) {
  const { t, locale } = useCertTexts();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: "cancel" | "revoke"; reason: string }>();
  // On a phone the links go under the title: beside it they left the certificate's name a few characters.
  const phone = Grid.useBreakpoint().sm === false;
  const status = {
    valid: "verify.result.valid",
    revoked: "verify.result.revoked",
    expired: "verify.result.expired",
  } as const;

  async function revoke() {
    const v = await form.validateFields();
    try {
      await call(yz.POST("/api/certificates/{id}/revoke", { params: { path: { id: cert.id } }, body: v }));
      setOpen(false);
      await qc.invalidateQueries({ queryKey: CERTS });
    } catch (e) {
      message.error(e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : String(e));
    }
  }

  const actions = (
    <Space wrap>
      <a
        href={apiPath("/api/certificates/{id}/pdf", { id: cert.id })}
        target="_blank"
        rel="noreferrer"
        data-testid="certificate-pdf"
      >
        <FilePdfOutlined /> {t("cert.pdf")}
      </a>
      <a href={apiPath("/api/certificates/{id}/json", { id: cert.id })} data-testid="certificate-json">
        {t("cert.json")}
      </a>
      <Link to={verifyPath(cert.verifyUrl)} data-testid="certificate-verify">
        {t("cert.verifyLink")}
      </Link>
      {cert.abilities.revoke && cert.status === "valid" && (
        <Button size="small" danger onClick={() => setOpen(true)} data-testid="certificate-revoke">
          {t("cert.revoke")}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      data-testid="certificate-card"
      data-number={cert.number}
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: "#c8102e" }} />
          <ZhText>{cert.name}</ZhText>
          <Tag color={COLOR[cert.status]} data-testid="certificate-status">
            {t(status[cert.status])}
          </Tag>
        </Space>
      }
      extra={phone ? undefined : actions}
    >
      {phone && <div style={{ marginBottom: 8 }}>{actions}</div>}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t("cert.number")}>
          <ZhText>{cert.number}</ZhText>
        </Descriptions.Item>
        <Descriptions.Item label={t("cert.holder")}>
          <ZhText>{cert.holderName}</ZhText>
        </Descriptions.Item>
        <Descriptions.Item label={t("cert.issuer")}>
          <ZhText>{cert.issuerName}</ZhText>
        </Descriptions.Item>
        <Descriptions.Item label={t("cert.issuedOn")}>{cert.issuedOn}</Descriptions.Item>
        {cert.fields.slice(0, 8).map((f) => (
          <Descriptions.Item key={f.name} label={<ZhText>{f.name}</ZhText>}>
            <ZhText>{f.value}</ZhText>
          </Descriptions.Item>
        ))}
        {cert.revocationReason && (
          <Descriptions.Item label={t("cert.revocation")}>
            <ZhText>{cert.revocationReason}</ZhText>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Modal
        open={open}
        title={t("cert.revokeTitle")}
        onOk={revoke}
        onCancel={() => setOpen(false)}
        okText={t("ok")}
        cancelText={t("cancel")}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: "cancel" }}>
          <Form.Item name="kind" label={t("cert.revoke")}>
            <Radio.Group
              options={[
                { value: "cancel", label: t("cert.kind.cancel") },
                { value: "revoke", label: t("cert.kind.revoke") },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label={t("cert.reason")} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} data-testid="certificate-revoke-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
