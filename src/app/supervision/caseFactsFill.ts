/**
 * The SQL that fills case_facts (ADR 0017e) from cases, their events and review tasks, as the case
 * runner keeps them: for a bulk history's batch (`yizhan demo bulk`), after its cases, events and
 * tasks are written. The migration that created the table holds the same statement for every case.
 */
import { HANDLING_EVENTS, HANDLING_ROLES, VISIT_EVENTS } from "../../domain/supervision/figures";

const list = (xs: Iterable<string>) => [...xs].map((x) => `'${x}'`).join(", ");

/** Inserts the fact rows of the cases `caseIds` (an SQL subquery of ids); rows that exist are kept. */
export function caseFactsFillSql(caseIds: string): string {
  return `insert into case_facts (case_id, org_id, item_name, status, accepted_on, completed_at, deadline,
       finished_on_spot, visits, handlers, task_handlers)
     select c.id, c.org_id, c.item_name, c.status, c.accepted_on, c.completed_at, c.deadline, c.finished_on_spot,
       coalesce(e.visits, 0), coalesce(e.handlers, '[]'::jsonb), coalesce(t.handlers, '[]'::jsonb)
     from cases c
     left join (
       select case_id,
         (count(*) filter (where type in (${list(VISIT_EVENTS)}) and actor_role = 'clerk'))::int as visits,
         jsonb_agg(distinct jsonb_build_object('u', actor_id, 'r', actor_role)) filter (
           where type in (${list(HANDLING_EVENTS)}) and actor_id is not null
             and actor_role in (${list(HANDLING_ROLES)})) as handlers
       from case_events
       where case_id in ${caseIds} and type in (${list([...VISIT_EVENTS, ...HANDLING_EVENTS])})
       group by case_id
     ) e on e.case_id = c.id
     left join (
       select case_id,
         jsonb_agg(distinct jsonb_build_object('u', coalesce(completed_by, claimed_by), 'o', org_id)) as handlers
       from review_tasks
       where case_id in ${caseIds} and coalesce(completed_by, claimed_by) is not null
       group by case_id
     ) t on t.case_id = c.id
     where c.id in ${caseIds}
     on conflict (case_id) do nothing`;
}
