/**
 * The grade of an incident from its evidence, with the reason it was given. Checked in this order:
 * Discounted (a denial is the latest word: no independent report affirms it after the denial),
 * Contested (competing claims of responsibility, or a denial answered by later independent reports),
 * Confirmed (a belligerent accepted responsibility, or an official source states it),
 * Fair (two or more independent sources affirm it), Weak (one).
 */
import type { Grade } from '../model/incident.js';
import { claimByPerpetrator } from './counts.js';
import type { EventFeature } from './features.js';
import { type IncidentLexicon, isOfficialAttribution } from './lexicon.js';

export interface GradeResult {
  grade: Grade;
  reason: string;
}

const affirms = (m: EventFeature) => m.event.certainty === 'reported' || m.event.certainty === 'claimed';

export function gradeIncident(
  members: EventFeature[],
  familyOf: Map<string, string>,
  lexicon: IncidentLexicon,
  /** The incident's sub-event type (what a perpetrator must claim to confirm it). */
  subEventType: string | null = null,
): GradeResult {
  const vetoes = lexicon.officialVetoes ?? [];
  // A denial quoted by an outlet that itself reports the event as fact ("Moscow denies targeting civilians" in a
  // story of the shelling) is balance, not a refutation; only denials from reports that do not affirm it count.
  const reportsAffirming = new Set(members.filter((m) => m.event.certainty === 'reported').map((m) => m.report));
  const denied = members.filter((m) => m.event.certainty === 'denied' && !reportsAffirming.has(m.report));
  const affirming = members.filter(affirms);
  const famOf = (m: EventFeature) => familyOf.get(m.key) ?? m.key;

  if (denied.length > 0) {
    const deniedFamilies = new Set(denied.map(famOf));
    const lastDenial = Math.max(...denied.map((m) => m.published ?? -1));
    const laterAffirm = affirming.filter((m) => !deniedFamilies.has(famOf(m)) && (m.published ?? -1) > lastDenial);
    const who = denied.find((m) => m.event.attribution)?.event.attribution ?? 'a party';
    if (laterAffirm.length === 0)
      return { grade: 'Discounted', reason: `denied by ${who}; no independent report affirms it after the denial` };
    return {
      grade: 'Contested',
      reason: `denied by ${who}, affirmed later by ${new Set(laterAffirm.map(famOf)).size} independent source(s)`,
    };
  }

  // Competing claims of responsibility: parties each claiming (or blamed in claims for) it with different perpetrators.
  const claimants = new Map<string, string>();
  for (const m of members) {
    if (m.event.certainty !== 'claimed' || !claimByPerpetrator(m, vetoes)) continue;
    const name = m.actors[0]?.name;
    if (name) claimants.set(name, m.event.actor1?.name ?? name);
  }
  if (claimants.size > 1)
    return {
      grade: 'Contested',
      reason: `competing claims of responsibility: ${[...claimants.values()].sort().join(' vs ')}`,
    };

  const families = new Set(affirming.map(famOf));
  // A perpetrator's claim confirms the incident only when it claims the incident's own act (ISWAP claiming the IED
  // attack); a side's boast of killings during a clash is a claim about one aspect, kept with the counts.
  const admission = members.find(
    (m) => m.event.certainty === 'claimed' && claimByPerpetrator(m, vetoes) && m.event.sub_event_type === subEventType,
  );
  if (admission)
    return {
      grade: 'Confirmed',
      reason: `responsibility accepted by ${admission.event.attribution ?? admission.event.actor1?.name}`,
    };
  // A perpetrator's words are judged above (responsibility), not as an official statement ("… National Army").
  const official = affirming.find(
    (m) => !claimByPerpetrator(m, vetoes) && isOfficialAttribution(m.event.attribution, lexicon),
  );
  if (official) return { grade: 'Confirmed', reason: `official confirmation: ${official.event.attribution}` };
  if (families.size >= 2) return { grade: 'Fair', reason: `${families.size} independent sources` };
  if (families.size === 1) return { grade: 'Weak', reason: 'a single source' };
  return { grade: 'Weak', reason: 'only unconfirmed reports' };
}
