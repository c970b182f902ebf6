/**
 * Analyst decisions as clustering constraints. Decisions name events, are replayed in time order (later ones
 * override earlier ones), and give two things: must-sets (events that stay together whatever the automatic rules
 * say) and cannot-link pairs (events that never share an incident).
 */
import type { AnalystDecision, EventKey } from '../model/incident.js';

export interface Constraints {
  /** Must-set of each constrained event (events alone are absent). Sets are shared between their members. */
  mustSet: Map<EventKey, Set<EventKey>>;
  cannot: Set<string>;
  /** Member reason per event for the incident view: 'analyst-merge', 'analyst-split', 'analyst-move'. */
  reason: Map<EventKey, string>;
  /** Every event any decision names. */
  touched: Set<EventKey>;
}

export function pairKey(a: EventKey, b: EventKey): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function compareDecisions(a: AnalystDecision, b: AnalystDecision): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildConstraints(decisions: readonly AnalystDecision[]): Constraints {
  const mustSet = new Map<EventKey, Set<EventKey>>();
  const cannot = new Set<string>();
  const reason = new Map<EventKey, string>();
  const touched = new Set<EventKey>();

  const detach = (k: EventKey) => {
    const s = mustSet.get(k);
    if (!s) return;
    s.delete(k);
    mustSet.delete(k);
    if (s.size === 1) mustSet.delete([...s][0]!);
  };
  const join = (keys: EventKey[]) => {
    const merged = new Set<EventKey>();
    for (const k of keys) {
      const s = mustSet.get(k);
      if (s) for (const x of s) merged.add(x);
      merged.add(k);
    }
    if (merged.size < 2) return;
    const list = [...merged];
    for (const x of list) mustSet.set(x, merged);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) cannot.delete(pairKey(list[i]!, list[j]!));
  };

  for (const d of [...decisions].sort(compareDecisions)) {
    if (d.kind === 'merge') {
      for (const k of d.events) {
        touched.add(k);
        reason.set(k, 'analyst-merge');
      }
      join(d.events);
    } else if (d.kind === 'split') {
      const groups = d.groups.filter((g) => g.length > 0);
      for (const g of groups) for (const k of g) touched.add(k);
      // Events of one split group that were held together stay together; ties to the other groups are cut.
      const previous = new Map<EventKey, Set<EventKey> | undefined>();
      for (const g of groups) for (const k of g) previous.set(k, mustSet.get(k));
      for (const g of groups) for (const k of g) detach(k);
      for (const g of groups) {
        const bySet = new Map<Set<EventKey> | undefined, EventKey[]>();
        for (const k of g) {
          const p = previous.get(k);
          if (!p) continue;
          const list = bySet.get(p) ?? [];
          list.push(k);
          bySet.set(p, list);
        }
        for (const list of bySet.values()) join(list);
        for (const k of g) reason.set(k, 'analyst-split');
      }
      for (let i = 0; i < groups.length; i++)
        for (let j = i + 1; j < groups.length; j++)
          for (const a of groups[i]!) for (const b of groups[j]!) if (a !== b) cannot.add(pairKey(a, b));
    } else {
      touched.add(d.event);
      for (const k of d.to) touched.add(k);
      for (const k of d.from ?? []) touched.add(k);
      detach(d.event);
      join([d.event, ...d.to.filter((k) => k !== d.event)]);
      for (const k of d.from ?? []) if (k !== d.event) cannot.add(pairKey(d.event, k));
      reason.set(d.event, 'analyst-move');
    }
  }
  return { mustSet, cannot, reason, touched };
}
