import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type inquiries, organizations, users } from "../../db/schema";
import { faqText, maskContact } from "../../domain/inquiries/rules";
import { maskPersonalText } from "../../domain/rules/maskText";
import type { TInquiry, TItemFaq, TPublicInquiry } from "../../shared/api/inquiries";
import type { Actor } from "../actor";
import { abilities, can } from "../policies";
import type { InquiryPolicyRecord } from "./policy";

export type InquiryRow = typeof inquiries.$inferSelect;

/** What the policies need of an inquiry row. */
export function policyRecord(r: InquiryRow): InquiryPolicyRecord {
  return {
    orgPath: r.orgPath,
    ownerId: r.ownerId,
    status: r.status,
    itemCode: r.itemCode,
    faqPublished: r.faqPublishedAt !== null,
  };
}

/** Names of the people and offices the rows mention, in two statements. */
export async function namesFor(ex: Executor, rows: InquiryRow[]) {
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.ownerId, r.recordedBy, r.answeredBy]).filter((x): x is string => !!x)),
  ];
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const us = userIds.length
    ? await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
    : [];
  const os = orgIds.length
    ? await ex
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
    : [];
  return { users: new Map(us.map((u) => [u.id, u.name])), orgs: new Map(os.map((o) => [o.id, o.name])) };
}
export type Names = Awaited<ReturnType<typeof namesFor>>;

const person = (names: Names, id: string | null) => (id ? { id, name: names.users.get(id) ?? "" } : null);

/** The staff view of an inquiry: the contact whole only for the owner and the supervisor. */
export function presentInquiry(actor: Actor, r: InquiryRow, names: Names, waiting: number): TInquiry {
  const rec = policyRecord(r);
  const whole = can(actor, "seeContact", "inquiry", rec);
  const contact = r.askerContact ? (whole ? r.askerContact : maskContact(r.askerContact)) : null;
  return {
    id: r.id,
    channel: r.channel,
    status: r.status,
    // A number the asker typed into the question is masked like the contact field.
    question: whole ? r.question : maskPersonalText(r.question),
    askerName: r.askerName,
    askerContact: contact,
    itemCode: r.itemCode,
    itemName: r.itemName,
    policyReference: r.policyReference,
    orgName: names.orgs.get(r.orgId) ?? "",
    queryCode: r.queryCode,
    owner: person(names, r.ownerId),
    recordedBy: person(names, r.recordedBy),
    askedAt: r.askedAt.toISOString(),
    claimedAt: r.claimedAt?.toISOString() ?? null,
    handovers: r.handovers.map((h) => ({
      from: { id: h.fromId, name: h.fromName },
      to: { id: h.toId, name: h.toName },
      reason: h.reason,
      at: h.at,
    })),
    answer: r.answer,
    answeredBy: person(names, r.answeredBy),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    workingMinutesToAnswer: r.workingMinutesToAnswer,
    workingMinutesWaiting: r.workingMinutesToAnswer ?? waiting,
    faq:
      r.faqPublishedAt && r.faqQuestion !== null && r.faqAnswer !== null
        ? { question: r.faqQuestion, answer: r.faqAnswer, publishedAt: r.faqPublishedAt.toISOString() }
        : null,
    version: r.version,
    abilities: abilities(actor, "inquiry", rec),
  };
}

/**
 * The public answer page: question and answer with identifiers, e-mails and the asker's own name and
 * contact removed (as for an FAQ); no asker, no staff names.
 */
export function presentPublicInquiry(r: InquiryRow, orgName: string): TPublicInquiry {
  const own = [r.askerName, r.askerContact];
  return {
    queryCode: r.queryCode,
    channel: r.channel,
    status: r.status === "answered" ? "answered" : "open",
    question: faqText(r.question, own),
    askedAt: r.askedAt.toISOString(),
    itemCode: r.itemCode,
    itemName: r.itemName,
    orgName,
    answer: r.answer === null ? null : faqText(r.answer, own),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    policyReference: r.policyReference,
  };
}

/** A published FAQ entry of an item's guide (text masked when it was published). */
export function presentFaq(r: InquiryRow): TItemFaq {
  return {
    id: r.id,
    question: r.faqQuestion ?? "",
    answer: r.faqAnswer ?? "",
    policyReference: r.policyReference,
    publishedAt: r.faqPublishedAt?.toISOString() ?? "",
  };
}
