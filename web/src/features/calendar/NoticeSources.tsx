import { Collapse, Table, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/useT";
import type { ArrangementPreview, NoticeSource } from "./api";

const md = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8))}`;

/** Consecutive dates as ranges: 2/15–2/23. */
function ranges(dates: string[]): string {
  const out: string[] = [];
  let start = dates[0];
  let prev = dates[0];
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  for (const d of [...dates.slice(1), ""]) {
    if (d !== "" && day(d) === day(prev) + 1) {
      prev = d;
      continue;
    }
    if (start) out.push(start === prev ? md(start) : `${md(start)}–${md(prev)}`);
    start = d;
    prev = d;
  }
  return out.join("、");
}

/**
 * For a pasted State Council notice: each sentence read, with the days it gave, so the administrator
 * can check the reading against the notice before saving; and the paragraphs that were not read.
 */
export function NoticeSources({ preview }: { preview: ArrangementPreview }) {
  const { t } = useI18n();
  if (preview.format !== "notice") return null;
  const items = [
    {
      key: "sources",
      label: t("cal.import.sources", { count: preview.sources.length }),
      children: (
        <Table<NoticeSource>
          size="small"
          data-testid="cal-import-sources"
          rowKey={(s) => `${s.line}-${s.text}`}
          dataSource={preview.sources}
          pagination={false}
          columns={[
            { title: t("cal.import.line"), dataIndex: "line", width: 48 },
            {
              title: t("cal.import.sourceText"),
              render: (_, s) => (
                <>
                  <Typography.Text strong>{s.holiday}：</Typography.Text>
                  {s.text}
                </>
              ),
            },
            {
              title: t("cal.import.readAs"),
              width: 128,
              render: (_, s) => (
                <>
                  {s.rest.length > 0 && (
                    <Tag color="red">
                      {t("cal.import.rest")} {ranges(s.rest)}
                    </Tag>
                  )}
                  {s.work.length > 0 && (
                    <Tag color="geekblue">
                      {t("cal.import.work")} {s.work.map(md).join("、")}
                    </Tag>
                  )}
                </>
              ),
            },
          ]}
        />
      ),
    },
  ];
  if (preview.ignored.length > 0) {
    items.push({
      key: "ignored",
      label: t("cal.import.ignored", { count: preview.ignored.length }),
      children: (
        <div data-testid="cal-import-ignored">
          {preview.ignored.map((l) => (
            <Typography.Paragraph key={l.line} type="secondary" style={{ marginBottom: 4 }}>
              {l.line}: {l.text}
            </Typography.Paragraph>
          ))}
        </div>
      ),
    });
  }
  return <Collapse size="small" defaultActiveKey={["sources"]} items={items} />;
}
