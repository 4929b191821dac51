import { forbidden } from "../../domain/errors";
import type { Actor } from "../actor";

/**
 * The record types policies are written for. Features add their own with declaration merging:
 * `declare module "../policies/registry" { interface PolicyResources { case: CaseRow } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface PolicyResources {}

type Rule<K extends keyof PolicyResources> = (actor: Actor, record: PolicyResources[K]) => boolean;

const rules = new Map<string, Rule<keyof PolicyResources>[]>();
const actionsByResource = new Map<string, Set<string>>();

const key = (resource: string, action: string) => `${resource}:${action}`;

/**
 * Registers who may do `actions` on records of `resource` (Outline-style policies). Several rules
 * for one action are alternatives: any one allowing is enough.
 */
export function allow<K extends keyof PolicyResources>(
  resource: K,
  actions: string | readonly string[],
  rule: Rule<K>,
): void {
  for (const action of typeof actions === "string" ? [actions] : actions) {
    const k = key(resource as string, action);
    const list = rules.get(k) ?? [];
    list.push(rule as unknown as Rule<keyof PolicyResources>);
    rules.set(k, list);
    const set = actionsByResource.get(resource as string) ?? new Set<string>();
    set.add(action);
    actionsByResource.set(resource as string, set);
  }
}

/** Answers whether `actor` may do `action` on `record`. Unknown actions are denied. */
export function can<K extends keyof PolicyResources>(
  actor: Actor,
  action: string,
  resource: K,
  record: PolicyResources[K],
): boolean {
  const list = rules.get(key(resource as string, action));
  if (!list) return false;
  return list.some((rule) => rule(actor, record as PolicyResources[keyof PolicyResources]));
}

/** Like {@link can}, but throws a 403 `forbidden` error when the answer is no. */
export function authorize<K extends keyof PolicyResources>(
  actor: Actor,
  action: string,
  resource: K,
  record: PolicyResources[K],
): void {
  if (!can(actor, action, resource, record)) throw forbidden(action);
}

/**
 * Every action registered for `resource` mapped to whether `actor` may do it on `record`: the
 * `abilities` object responses carry, so screens hide buttons without repeating the rules.
 */
export function abilities<K extends keyof PolicyResources>(
  actor: Actor,
  resource: K,
  record: PolicyResources[K],
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const action of actionsByResource.get(resource as string) ?? []) {
    out[action] = can(actor, action, resource, record);
  }
  return out;
}
