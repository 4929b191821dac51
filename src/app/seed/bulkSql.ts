/**
 * The set-based SQL of one batch of a bulk history (src/app/seed/bulk.ts): a plan of the batch's cases
 * (`bulk_plan`, drawn with `random()` after `setseed`), then one INSERT … SELECT per table. Days are
 * indexes into `bulk_days` (working days), so every deadline is a working-day deadline of the calendar.
 *
 * A case's story, each step on its own working day (day indexes, nondecreasing):
 *   f   filed (created + submitted), a correction requested the same day for 10 % (not immediate items)
 *   sub resubmitted 1–4 days later (corrected cases), else f
 *   chk checked and accepted (70 % the same day), refused (3 %) or withdrawn (2 %) instead
 *   dl  deadline = chk + promised limit (+10 for the 3 % extended, extension asked before dl0)
 *   td  each review task's recommendation (the lead task last); dec = the last of them, decided and
 *       issued that day (2 % denied, then completed); 6 % late: dec = dl + 1..3
 *   rate a rating for 45 % of completed cases, 0–2 days after
 * Only the steps on or before the last simulated day `L` happen: the cases of the last weeks are open.
 */
import { caseFactsFillSql } from "../supervision/caseFactsFill";

/** Parameters of one batch. */
export type BatchParams = {
  /** First working-day index of the span, its length, the cases of the whole span. */
  n0: number;
  span: number;
  total: number;
  /** The batch's days [b0, b1). */
  b0: number;
  b1: number;
  /** The last simulated day (index). */
  last: number;
  orgs: number;
  applicants: number;
  /** setseed() argument in [-1, 1]. */
  seed: number;
};

/**
 * A UUIDv7 of an instant, inline (a call of an SQL function that cannot be inlined costs more than the
 * whole expression): the 48-bit millisecond timestamp over the first bytes of a random UUID, version 7.
 */
const uuid7 = (ts: string) =>
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from ${ts}) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** The instant of a local (Asia/Shanghai) day and minute. */
export const BULK_FUNCTIONS = [
  `create or replace function bulk_at(d date, minute int) returns timestamptz language sql immutable as $$
     select (d::timestamp + make_interval(mins => minute)) at time zone 'Asia/Shanghai'
   $$`,
];
export const DROP_FUNCTIONS = ["drop function if exists bulk_at(date, int)"];

/** The plan of the batch's cases: one row per case with every day, actor and outcome drawn. */
export function planSql(p: BatchParams): string[] {
  return [
    "drop table if exists bulk_plan",
    `select setseed(${p.seed})`,
    `create unlogged table bulk_plan as
     with base as (
       select i, d.n as f,
         random() as u_org, random() as u_item, random() as u_app, random() as u_out, random() as u_cor,
         random() as u_len, random() as u_chk, random() as u_rev, random() as u_late, random() as u_ext,
         random() as u_den, random() as u_rate, random() as u_lvl, random() as u_lag, random() as u_form,
         random() as u_chan
       from bulk_days d
       cross join lateral generate_series(
         floor((d.n - ${p.n0})::numeric * ${p.total} / ${p.span})::int,
         floor((d.n - ${p.n0} + 1)::numeric * ${p.total} / ${p.span})::int - 1) as i
       where d.n >= ${p.b0} and d.n < ${p.b1}
     ), p1 as (
       select b.*, least(${p.orgs}, 1 + floor(power(b.u_org, 1.15) * ${p.orgs})::int) as k, it.j, it.code as icode,
         it.immediate as imm, it.limit_days as lim, it.statutory, it.steps as nsteps,
         floor(b.u_app * ${p.applicants})::int as a, floor(b.u_form * 20)::int as fo,
         case when b.u_out < 0.02 then 'withdrawn' when b.u_out < 0.05 then 'refused' else 'accepted' end as outcome,
         (not it.immediate and b.u_cor < 0.10) as cor, b.u_chan < 0.55 as online,
         (not it.immediate and it.limit_days > 0 and b.u_ext < 0.03) as ext,
         (not it.immediate and b.u_late < 0.06) as late,
         (not it.immediate and b.u_den < 0.02) as den,
         case when b.u_lvl < 0.70 then 'very_satisfied' when b.u_lvl < 0.90 then 'satisfied'
              when b.u_lvl < 0.97 then 'basic' when b.u_lvl < 0.99 then 'dissatisfied' else 'very_dissatisfied' end as level,
         (b.u_rate < 0.45) as rated, 520 + (b.i % 60) as bm
       from base b join bulk_items it on b.u_item >= it.w_lo and b.u_item < it.w_hi
     ), p2 as (
       select p.*, case when cor then f + 1 + floor(u_len * 4)::int else f end as sub from p1 p
     ), p3 as (
       select p.*, sub + case when imm or u_chk < 0.7 then 0 when u_chk < 0.95 then 1 else 2 end as chk from p2 p
     ), p4 as (
       select p.*, chk + lim as dl0, chk + lim + case when ext then 10 else 0 end as dl,
         chk + greatest(1, lim - 1) as extd from p3 p
     ), p5 as (
       select p.*, case
           when imm then chk
           when late then dl + 1 + floor(u_rev * 3)::int
           when ext then dl0 + floor(u_rev * 10)::int
           else chk + floor(u_rev * (lim + 1))::int end as dec
       from p4 p
     ), p6 as (
       select p.*, dec + floor(u_lag * 3)::int as rate,
         (outcome = 'accepted' and chk <= ${p.last}) as acc_ok,
         (outcome = 'accepted' and dec <= ${p.last}) as dec_ok
       from p5 p
     )
     select p.*,
       ${uuid7(`bulk_at(df.day, p.bm)`)} as id, ${uuid7(`bulk_at(df.day, p.bm)`)} as inv_id,
       ${uuid7(`bulk_at(df.day, p.bm)`)} as ev_id,
       df.day as d_f, dsub.day as d_sub, dchk.day as d_chk, ddl0.day as d_dl0, ddl.day as d_dl,
       dext.day as d_extd, ddec.day as d_dec, drate.day as d_rate, ddue.day as d_chkdue,
       o.org_id, o.division, ap.user_id as app_id, ap.snapshot, ap.snapshot->>'name' as app_name,
       cl.user_id as clerk_id, cl.name as clerk_name, ar.user_id as appr_id, ar.name as appr_name,
       case
         when p.outcome = 'withdrawn' and p.chk <= ${p.last} then 'withdrawn'
         when p.outcome = 'refused' and p.chk <= ${p.last} then 'not_accepted'
         when p.chk > ${p.last} then case when p.cor and p.sub > ${p.last} then 'correction_requested' else 'submitted' end
         when p.dec > ${p.last} then 'in_review'
         else 'completed' end as status
     from p6 p
     join bulk_days df on df.n = p.f
     join bulk_days dsub on dsub.n = p.sub
     join bulk_days dchk on dchk.n = p.chk
     join bulk_days ddl0 on ddl0.n = p.dl0
     join bulk_days ddl on ddl.n = p.dl
     join bulk_days dext on dext.n = p.extd
     join bulk_days ddec on ddec.n = p.dec
     join bulk_days drate on drate.n = p.rate
     join bulk_days ddue on ddue.n = p.f + 5
     join bulk_orgs o on o.k = p.k
     join bulk_applicants ap on ap.a = p.a
     join bulk_staff cl on cl.k = p.k and cl.role = 'clerk' and cl.rn = p.i % cl.rcnt
     join bulk_staff ar on ar.k = p.k and ar.role = 'approver' and ar.rn = p.i % ar.rcnt
     order by p.i`,
    // Review tasks of the accepted (not immediate) cases: the lead step finishes on `dec`, the others
    // on a day between acceptance and then; due on the step's limit, never after the case's deadline.
    "drop table if exists bulk_tasks",
    `create unlogged table bulk_tasks as
     with t as (
       select p.id as case_id, p.i, p.k, p.bm, p.chk, p.dl, p.dec, p.d_chk, st.s, st.code, st.name, st.lead,
         st.mode, st.after, st.limit_days, st.org_code, sec.org_id,
         case when st.lead then p.dec
              else p.chk + floor(((p.i::bigint * 7919 + st.s * 104729) % 1009) / 1009.0 * (p.dec - p.chk + 1))::int end as td,
         least(p.chk + st.limit_days, p.dl) as due
       from bulk_plan p
       join bulk_steps st on st.j = p.j
       join bulk_sections sec on sec.k = p.k and sec.org_code = st.org_code
       where p.acc_ok and not p.imm
     )
     select t.*, ${uuid7(`bulk_at(t.d_chk, t.bm + 26)`)} as id, dtd.day as d_td, ddue.day as d_due,
       rv.user_id as reviewer_id, rv.name as reviewer_name
     from t join bulk_days dtd on dtd.n = t.td join bulk_days ddue on ddue.n = t.due
     left join bulk_staff rv on rv.k = t.k and rv.role = 'reviewer' and rv.org_code = t.org_code
       and rv.n = (t.i::bigint + t.s) % rv.cnt`,
  ];
}

/** One INSERT … SELECT per table, from the plan. */
export function insertSql(p: BatchParams): string[] {
  const L = p.last;
  const state = (status: string, dl: string, ext: string) =>
    `jsonb_build_object('status', ${status}::text, 'pauses', '[]'::jsonb, 'deadline', ${dl}, 'extensionDays', ${ext})`;
  return [
    `insert into cases (id, number, query_code, item_id, item_version_id, item_code, item_name, org_id, applicant_id,
       applicant, channel, created_by, title, form_data, status, status_entered_at, version, handling_type, limit_days,
       statutory_limit_days, received_on, check_due_on, accepted_on, deadline, extension_days, correction_rounds,
       decision, finished_on_spot, submitted_at, completed_at, created_at, updated_at)
     select p.id,
       p.division || '-' || to_char(p.d_f, 'YYYYMMDD') || '-' ||
         lpad((coalesce(ct.value, 0) + row_number() over (partition by p.k, p.f order by p.i))::text, 4, '0'),
       translate(upper(substr(md5(p.id::text), 1, 8)), '01', 'XY'),
       it.item_id, it.version_id, it.code, it.name, p.org_id, p.app_id, p.snapshot,
       case when p.online then 'online' else 'window' end,
       case when p.online then p.app_id else p.clerk_id end,
       coalesce(fm.title, ''), coalesce(fm.form, '{}'::jsonb), p.status,
       case p.status
         when 'submitted' then bulk_at(p.d_sub, p.bm + case when p.cor then 0 else 2 end)
         when 'correction_requested' then bulk_at(p.d_f, p.bm + 20)
         when 'withdrawn' then bulk_at(p.d_chk, p.bm + 25)
         when 'not_accepted' then bulk_at(p.d_chk, p.bm + 25)
         when 'in_review' then bulk_at(p.d_chk, p.bm + 27)
         else bulk_at(p.d_dec, p.bm + 345) end,
       1, case when p.imm then 'immediate' else 'promised' end, p.lim, p.statutory, p.d_f, p.d_chkdue,
       case when p.acc_ok then p.d_chk end,
       case when p.acc_ok then case when p.ext and p.extd <= ${L} then p.d_dl else p.d_dl0 end end,
       case when p.ext and p.acc_ok and p.extd <= ${L} then 10 else 0 end,
       case when p.cor then 1 else 0 end,
       case when p.dec_ok then jsonb_build_object('outcome', case when p.den then 'deny' else 'approve' end,
         'reasons', case when p.den then '不符合法定条件' when p.imm then '材料齐全，符合法定条件，当场办结' else '符合法定条件' end,
         'decidedAt', to_jsonb(bulk_at(p.d_dec, p.bm + 330))) end,
       p.imm and p.acc_ok, bulk_at(p.d_f, p.bm + 2),
       case when p.status = 'completed' then bulk_at(p.d_dec, p.bm + 345) end,
       bulk_at(p.d_f, p.bm), bulk_at(p.d_f, p.bm)
     from bulk_plan p join bulk_items it on it.j = p.j left join bulk_forms fm on fm.j = p.j and fm.f = p.fo
       left join counters ct on ct.key = 'case:' || p.division || ':' || to_char(p.d_f, 'YYYYMMDD')`,
    // The day's case numbers taken, as the app's numbering (counters) would have them.
    `insert into counters (key, value)
     select 'case:' || p.division || ':' || to_char(p.d_f, 'YYYYMMDD'), count(*) from bulk_plan p group by 1
     on conflict (key) do update set value = counters.value + excluded.value`,
    `insert into review_tasks (id, case_id, step_code, step_name, org_id, lead, mode, after, limit_days, status,
       opened_on, due_on, claimed_by, claimed_at, assignee_id, opinion, completed_by, completed_at, returns, version,
       created_at, updated_at)
     select t.id, t.case_id, t.code, t.name, t.org_id, t.lead, t.mode, t.after, t.limit_days,
       case when t.td <= ${L} then 'approved' else 'claimed' end, t.d_chk, t.d_due,
       t.reviewer_id, bulk_at(t.d_chk, t.bm + 60), t.reviewer_id,
       case when t.td <= ${L} then '同意' end,
       case when t.td <= ${L} then t.reviewer_id end,
       case when t.td <= ${L} then bulk_at(t.d_td, t.bm + 150 + 10 * t.s) end,
       0, case when t.td <= ${L} then 3 else 2 end, bulk_at(t.d_chk, t.bm + 26),
       case when t.td <= ${L} then bulk_at(t.d_td, t.bm + 150 + 10 * t.s) else bulk_at(t.d_chk, t.bm + 60) end
     from bulk_tasks t`,
    // The events of each case: one row of the VALUES list a step, kept when it happened; their data are
    // built after that filter (for the kept rows only).
    `insert into case_events (id, case_id, seq, type, actor_id, actor_name, actor_role, at, from_status, to_status,
       before, after, data)
     select ${uuid7("e.at")}, e.case_id, row_number() over (partition by e.case_id order by e.at, e.ord), e.type,
       e.actor_id, e.actor_name, e.role, e.at, e.fs, e.ts,
       case when e.fs is not null and e.type <> 'case.materials_checked' then ${state("e.fs", "to_jsonb(e.dlb)", "e.extb")} end,
       case when e.fs is not null and e.type <> 'case.materials_checked' then ${state("e.ts", "to_jsonb(e.dla)", "e.exta")} end,
       e.data
     from (
       select p.id as case_id, v.ord, v.type, v.actor_id, v.actor_name, v.role, bulk_at(v.day, p.bm + v.minute) as at,
         v.fs, v.ts, v.dlb, v.dla, v.extb, v.exta,
         case v.type
           when 'case.created' then jsonb_build_object('channel', case when p.online then 'online' else 'window' end,
             'itemCode', p.icode, 'itemVersion', 1)
           when 'case.submitted' then jsonb_build_object('to', 'submitted', 'from', 'draft', 'checkDueOn', p.d_chkdue)
           when 'case.correction_requested' then
             jsonb_build_object('to', 'correction_requested', 'from', 'submitted', 'round', 1)
           when 'case.resubmitted' then jsonb_build_object('to', 'submitted', 'from', 'correction_requested')
           when 'case.withdrawn' then jsonb_build_object('to', 'withdrawn', 'from', 'submitted', 'reason', '申请人主动撤回')
           when 'case.refused' then jsonb_build_object('to', 'not_accepted', 'from', 'submitted',
             'legalBasis', '《中华人民共和国行政许可法》第三十二条第一款第（一）项', 'reason', '申请事项依法不需要取得行政许可')
           when 'case.materials_checked' then jsonb_build_object('round', 1 + case when p.cor then 1 else 0 end)
           when 'case.accepted' then jsonb_build_object('to', 'accepted', 'from', 'submitted', 'deadline', p.d_dl0,
             'acceptedOn', p.d_chk, 'reviewTasks', p.nsteps)
           when 'case.assigned' then jsonb_build_object('to', 'in_review', 'from', 'accepted')
           when 'case.extended' then jsonb_build_object('to', 'in_review', 'from', 'in_review', 'days', 10,
             'reason', '情况复杂，需延长审查期限', 'deadline', p.d_dl)
           when 'case.decided' then jsonb_build_object('to', v.ts, 'from', v.fs,
             'outcome', case when p.den then 'deny' else 'approve' end)
           when 'evaluation.submitted' then jsonb_build_object('level', p.level, 'stage', 'completion', 'source',
             case when p.online then 'portal' else 'tablet' end, 'channel', case when p.online then 'online' else 'window' end,
             'evaluationId', p.ev_id)
           else jsonb_build_object('to', v.ts, 'from', v.fs) end as data
       from bulk_plan p cross join lateral (values
         (1, 'case.created', p.app_id, p.app_name, 'applicant', p.d_f, 0, null, 'draft', null::date, null::date, 0, 0, true),
         (2, 'case.submitted', p.app_id, p.app_name, 'applicant', p.d_f, 2, 'draft', 'submitted', null, null, 0, 0, true),
         (3, 'case.correction_requested', p.clerk_id, p.clerk_name, 'clerk', p.d_f, 20, 'submitted',
           'correction_requested', null, null, 0, 0, p.cor),
         (4, 'case.resubmitted', p.app_id, p.app_name, 'applicant', p.d_sub, 0, 'correction_requested', 'submitted',
           null, null, 0, 0, p.cor and p.sub <= ${L}),
         (5, 'case.withdrawn', p.app_id, p.app_name, 'applicant', p.d_chk, 25, 'submitted', 'withdrawn', null, null,
           0, 0, p.outcome = 'withdrawn' and p.chk <= ${L}),
         (6, 'case.refused', p.clerk_id, p.clerk_name, 'clerk', p.d_chk, 25, 'submitted', 'not_accepted', null, null,
           0, 0, p.outcome = 'refused' and p.chk <= ${L}),
         (7, 'case.materials_checked', p.clerk_id, p.clerk_name, 'clerk', p.d_chk, 25, 'submitted', 'submitted', null,
           null, 0, 0, p.acc_ok),
         (8, 'case.accepted', p.clerk_id, p.clerk_name, 'clerk', p.d_chk, 26, 'submitted', 'accepted', null, p.d_dl0,
           0, 0, p.acc_ok),
         (9, 'case.assigned', p.clerk_id, p.clerk_name, 'clerk', p.d_chk, 27, 'accepted', 'in_review', p.d_dl0, p.d_dl0,
           0, 0, p.acc_ok and not p.imm),
         (10, 'case.extended', p.appr_id, p.appr_name, 'approver', p.d_extd, 60, 'in_review', 'in_review', p.d_dl0,
           p.d_dl, 0, 10, p.acc_ok and p.ext and p.extd <= ${L}),
         (40, 'case.decided', case when p.imm then p.clerk_id else p.appr_id end,
           case when p.imm then p.clerk_name else p.appr_name end, case when p.imm then 'clerk' else 'approver' end,
           p.d_dec, 330, case when p.imm then 'accepted' else 'in_review' end,
           case when p.den then 'denied' else 'approved' end, p.d_dl, p.d_dl, case when p.ext then 10 else 0 end,
           case when p.ext then 10 else 0 end, p.dec_ok),
         (41, case when p.den then 'case.completed' else 'case.issued' end, p.clerk_id, p.clerk_name, 'clerk', p.d_dec,
           345, case when p.den then 'denied' else 'approved' end, 'completed', p.d_dl, p.d_dl,
           case when p.ext then 10 else 0 end, case when p.ext then 10 else 0 end, p.dec_ok),
         (50, 'evaluation.submitted', p.app_id, p.app_name, 'applicant', p.d_rate, 380, null, null, null, null, 0, 0,
           p.dec_ok and p.rated and p.rate <= ${L})
       ) as v(ord, type, actor_id, actor_name, role, day, minute, fs, ts, dlb, dla, extb, exta, ok)
       where v.ok
       union all
       select t.case_id, 10 + t.s, 'review.recommended', t.reviewer_id, t.reviewer_name, 'reviewer',
         bulk_at(t.d_td, t.bm + 150 + 10 * t.s), 'in_review', 'in_review', p.d_dl, p.d_dl, 0, 0,
         jsonb_build_object('to', 'in_review', 'from', 'in_review', 'opened', '[]'::jsonb, 'taskId', t.id,
           'opinion', '同意', 'stepCode', t.code, 'stepName', t.name, 'claimedOnAct', true)
       from bulk_tasks t join bulk_plan p on p.id = t.case_id
       where t.td <= ${L}
     ) e`,
    // The chain head's count (cases.event_seq): the runner numbers a case's next event from it. The
    // synthetic events stay outside the transparency log (ADR 0017d): no salt, no chain link, not queued.
    `update cases c set event_seq = e.n
     from (select case_id, max(seq) n from case_events where case_id in (select id from bulk_plan) group by 1) e
     where c.id = e.case_id`,
    `insert into evaluation_invitations (id, case_id, stage, token_hash, invited_on, created_at, closes_at, used_at)
     select p.inv_id, p.id, 'completion', md5(p.inv_id::text) || md5(p.id::text), p.d_dec,
       bulk_at(p.d_dec, p.bm + 345), bulk_at(p.d_dec, p.bm + 345) + interval '30 days',
       case when p.rated and p.rate <= ${L} then bulk_at(p.d_rate, p.bm + 380) end
     from bulk_plan p where p.dec_ok`,
    `insert into evaluations (id, case_id, invitation_id, stage, channel, source, level, dimensions, tags, org_id,
       item_code, item_name, month, submitted_by, submitted_at)
     select p.ev_id, p.id, p.inv_id, 'completion', case when p.online then 'online' else 'window' end,
       case when p.online then 'portal' else 'tablet' end, p.level, jsonb_build_object('overall', p.level), '[]'::jsonb,
       p.org_id, it.code, it.name, to_char(p.d_rate, 'YYYY-MM'), p.app_id, bulk_at(p.d_rate, p.bm + 380)
     from bulk_plan p join bulk_items it on it.j = p.j
     where p.dec_ok and p.rated and p.rate <= ${L}`,
    // The summary of counted ratings (evaluation_month_counts), as submitEvaluation keeps it; in key
    // order, so that two batches adding to the same cells take their row locks in the same order.
    `insert into evaluation_month_counts (month, org_id, item_code, item_name, level, n)
     select to_char(p.d_rate, 'YYYY-MM'), p.org_id, it.code, it.name, p.level, count(*)::int
     from bulk_plan p join bulk_items it on it.j = p.j
     where p.dec_ok and p.rated and p.rate <= ${L}
     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
     on conflict (month, org_id, item_code, item_name, level) do update set n = evaluation_month_counts.n + excluded.n`,
    `insert into rectifications (id, evaluation_id, case_id, org_id, status, responsible_user_id, callback_due_on,
       rectify_due_on, callback_at, callback_note, callback_by, outcome, rectified_at, rectified_by, created_at)
     select ${uuid7(`bulk_at(p.d_rate, p.bm + 380)`)}, p.ev_id, p.id, p.org_id,
       case when p.rate + 15 <= ${L} then 'rectified' else 'callback_due' end, p.clerk_id, d1.day, d15.day,
       case when p.rate + 15 <= ${L} then bulk_at(d1.day, 600) end,
       case when p.rate + 15 <= ${L} then '已电话回访，申请人反映等候时间较长' end,
       case when p.rate + 15 <= ${L} then p.clerk_id end,
       case when p.rate + 15 <= ${L} then '已调整窗口排班，高峰时段增开窗口' end,
       case when p.rate + 15 <= ${L} then bulk_at(d10.day, 900) end,
       case when p.rate + 15 <= ${L} then p.clerk_id end,
       bulk_at(p.d_rate, p.bm + 380)
     from bulk_plan p join bulk_days d1 on d1.n = p.rate + 1 join bulk_days d10 on d10.n = p.rate + 10
       join bulk_days d15 on d15.n = p.rate + 15
     where p.dec_ok and p.rated and p.rate <= ${L} and p.level in ('dissatisfied', 'very_dissatisfied')`,
    // Clock alerts as the evening sweep (18:00) raises them: yellow on the last working day before the
    // deadline with the case undecided, red the day after it; closed when the case is decided.
    `insert into supervision_alerts (id, rule, dedupe_key, severity, org_id, case_id, message_zh, message_en, data,
       raised_at, responsible_user_id, respond_by, resolved_at)
     select ${uuid7(`bulk_at(dy.day, 1080)`)}, a.rule, a.rule || ':' || p.id || ':', a.rule_sev, p.org_id, p.id,
       case a.rule when 'clock_yellow' then '办件即将到期（' || p.d_dl || '）' else '办件已超过办结期限 ' || p.d_dl || '（不拖）' end,
       case a.rule when 'clock_yellow' then 'Case is due on ' || p.d_dl else 'Case is past its deadline ' || p.d_dl end,
       jsonb_build_object('deadline', p.d_dl, 'remainingWorkingDays', a.remaining), bulk_at(dy.day, 1080),
       p.clerk_id, dr.day, case when p.dec_ok then bulk_at(p.d_dec, p.bm + 330) end
     from bulk_plan p
     cross join lateral (values
       ('clock_yellow', 'yellow', greatest(p.chk, p.dl - 1), 1),
       ('clock_red', 'red', p.dl + 1, -1)) as a(rule, rule_sev, n, remaining)
     join bulk_days dy on dy.n = a.n join bulk_days dr on dr.n = a.n + 1
     where p.acc_ok and not p.imm and a.n <= ${L} and p.dec > a.n`,
    `insert into supervision_alerts (id, rule, dedupe_key, severity, org_id, case_id, task_id, message_zh, message_en,
       data, raised_at, responsible_user_id, respond_by, resolved_at)
     select ${uuid7(`bulk_at(dy.day, 1080)`)}, 'task_overdue', 'task_overdue:' || t.case_id || ':' || t.id, 'red',
       t.org_id, t.case_id, t.id, '审查任务“' || t.name || '”已超过期限 ' || t.d_due,
       'Review task past its due date ' || t.d_due, jsonb_build_object('dueOn', t.d_due), bulk_at(dy.day, 1080),
       t.reviewer_id, dr.day, case when t.td <= ${L} then bulk_at(t.d_td, t.bm + 150 + 10 * t.s) end
     from bulk_tasks t join bulk_days dy on dy.n = t.due + 1 join bulk_days dr on dr.n = t.due + 2
     where t.td > t.due + 1 and t.due + 1 <= ${L}`,
    // The batch's case facts (ADR 0017e), from the rows just written, as the case runner keeps them.
    caseFactsFillSql("(select id from bulk_plan)"),
  ];
}
