import { QuestionCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Collapse, Empty, Skeleton, Typography } from "antd";
import { LinkButton } from "../../components/LinkButton";
import { dataLang, ZhText } from "../../components/ZhText";
import { useItemFaqs } from "./api";
import { useIT } from "./i18n";

/** The guide's FAQ (常见问题): answered questions staff published, with a link to ask another one. */
export function FaqSection({ itemCode }: { itemCode: string }) {
  const it = useIT();
  const faqs = useItemFaqs(itemCode);
  return (
    <Card
      title={it("faqTitle")}
      className="no-print"
      data-testid="guide-faq"
      extra={
        <LinkButton
          to={`/ask?item=${encodeURIComponent(itemCode)}`}
          icon={<QuestionCircleOutlined />}
          data-testid="guide-ask"
        >
          {it("askAboutItem")}
        </LinkButton>
      }
    >
      {faqs.isLoading ? (
        <Skeleton active />
      ) : faqs.isError ? (
        <Alert
          type="error"
          showIcon
          title={it("loadError")}
          action={<Button onClick={() => faqs.refetch()}>{it("retry")}</Button>}
        />
      ) : (faqs.data ?? []).length === 0 ? (
        <Empty description={it("faqEmpty")} />
      ) : (
        <Collapse
          items={(faqs.data ?? []).map((f) => ({
            key: f.id,
            label: <ZhText>{f.question}</ZhText>,
            children: (
              <>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} lang={dataLang(f.answer)}>
                  {f.answer}
                </Typography.Paragraph>
                {f.policyReference && (
                  <Typography.Text type="secondary">
                    {it("policyShort")}：{f.policyReference}
                  </Typography.Text>
                )}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
