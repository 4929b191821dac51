import { createElement, type ReactNode } from "react";
import { withData, ZhText } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import type { Project } from "./api";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Entry = Project["timeline"][number];

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * A timeline entry in the reader's language, rebuilt from its type and data and the project's records;
 * the server's Chinese summary (marked as Chinese) when the entry does not carry enough (older entries of the demo data).
 */
export function timelineText(e: Entry, p: Project, t: T): ReactNode {
  const d = e.data ?? {};
  const key = `prj.tl.${e.type}` as MessageKey;
  const vars = ((): Record<string, string | number> | null => {
    switch (e.type) {
      case "project.created":
        return { name: p.name };
      case "project.contact": {
        const c = p.contacts.find((x) => x.id === d.contactId);
        return c ? { name: c.contactName, channel: c.channel } : null;
      }
      case "project.prechecked": {
        const checks = Array.isArray(d.checks) ? (d.checks as { status: string }[]) : null;
        const item = str(d.itemCode);
        if (!checks || !item) return null;
        return {
          item: t(`prj.item.${item}` as MessageKey) ?? item,
          passed: checks.filter((c) => c.status === "pass").length,
          total: checks.length,
        };
      }
      case "project.site_survey": {
        const s = p.siteSurveys.find((x) => x.id === d.surveyId);
        return s ? { date: s.surveyedOn, count: s.people.length } : null;
      }
      case "project.meeting": {
        const m = p.meetings.find((x) => x.id === d.meetingId);
        return m ? { topic: m.topic, count: new Set(m.attendees.map((a) => a.department)).size } : null;
      }
      case "project.action_done": {
        const a = p.meetings.flatMap((m) => m.actionItems).find((x) => x.id === d.actionItemId);
        return a ? { description: a.description } : null;
      }
      case "project.land_contract": {
        const c = p.landContracts.find((x) => x.id === d.contractId);
        return c ? { number: c.number } : null;
      }
      case "project.land_delivered": {
        const x = p.landDeliveries.find((y) => y.id === d.deliveryId);
        return x ? { number: x.confirmationNo, by: x.deliveredBy, to: x.deliveredTo } : null;
      }
      case "project.land_transfer_org": {
        const code = str(d.orgCode);
        if (!code) return { name: t("prj.transfer.clear") };
        return { name: p.landTransferOrg?.code === code ? p.landTransferOrg.name : code };
      }
      case "project.stage_changed": {
        const from = str(d.from);
        const to = str(d.to);
        if (!from || !to) return null;
        return {
          from: t(`prj.stage.${from}` as MessageKey),
          to: t(`prj.stage.${to}` as MessageKey),
          note: str(d.note) ?? "",
        };
      }
      case "bundle.filed": {
        const b = p.bundles.find((x) => x.id === d.bundleId);
        const count = Array.isArray(d.caseIds) ? d.caseIds.length : b?.cases.length;
        return b && count ? { template: b.template.name, count } : null;
      }
      default:
        return null;
    }
  })();
  return vars ? withData(t(key), vars) : createElement(ZhText, null, e.summary);
}
