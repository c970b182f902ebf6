/**
 * Golden incidents for the hand-written ExtractedEvent-level fixture (test/fixtures/incidents/tal-tamr). REGEN=1
 * rewrites the golden files; review them as diffs (the GeoJSON opens as a map).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterIncidents } from '../../src/incidents/cluster.js';
import { toGeoJson, toJsonLine } from '../../src/incidents/formats.js';
import { loadIncidentLexicon } from '../../src/incidents/lexicon.js';
import type { IncidentEventInput, IncidentReport } from '../../src/model/incident.js';

const dir = new URL('../fixtures/incidents/tal-tamr/', import.meta.url);
const fixture = JSON.parse(readFileSync(new URL('input.json', dir), 'utf8')) as {
  reports: IncidentReport[];
  events: IncidentEventInput[];
};
const incidents = clusterIncidents(fixture, loadIncidentLexicon());
const lines = `${incidents.map((i) => JSON.stringify(toJsonLine(i))).join('\n')}\n`;
const geojson = `${JSON.stringify(toGeoJson(incidents), null, 1)}\n`;

function golden(name: string, actual: string): string {
  const url = new URL(name, dir);
  if (process.env.REGEN === '1' || !existsSync(url)) writeFileSync(url, actual);
  return readFileSync(url, 'utf8');
}

describe('golden: Tal Tamr fixture', () => {
  it('matches incidents.golden.jsonl', () => {
    expect(lines).toBe(golden('incidents.golden.jsonl', lines));
  });

  it('matches incidents.golden.geojson', () => {
    expect(geojson).toBe(golden('incidents.golden.geojson', geojson));
  });

  it('forms the clash, the hand-over that follows it, and the look-alike apart', () => {
    const clash = incidents.find((i) => i.members.some((m) => m.key === 'hws-1029#0'))!;
    expect(clash.members.map((m) => m.key).sort()).toEqual([
      'cedar-1030#0',
      'fnv-1029#0',
      'frontline-1030#0',
      'frontline-1030#1',
      'frontline-1030#2',
      'hws-1029#0',
      'lw-1030#0',
      'monitor-1030#0',
    ]);
    expect(clash.counts.captured).toMatchObject({ low: 14, best: 18, high: 18, acled: 14 });
    // The 20 killed is the Hamza Division's own claim: kept, never the best figure.
    expect(clash.counts.killed).toMatchObject({ best: null });
    expect(clash.counts.killed.claims.map((c) => c.reason)).toEqual(['claim-about-enemy-losses']);
    // LW and its syndicated copy are one source; the embedded post counts under its author.
    const lw = clash.sources.find((f) => f.reports.some((r) => r.id === 'cedar-1030'))!;
    expect(lw.reports.map((r) => r.id)).toEqual(['cedar-1030', 'lw-1030']);
    expect(clash.sources.some((f) => f.kind === 'post' && f.label === 'field one')).toBe(true);
    const handover = incidents.find((i) => i.members.some((m) => m.key === 'bosphorus-1031#0'))!;
    expect(handover.members.map((m) => m.key).sort()).toEqual(['bosphorus-1031#0', 'ege-1031#0']);
    expect(handover.links).toEqual([
      { type: 'follows', incident: clash.id, reason: 'follow-up:Agreement:shared-actor' },
    ]);
    const lookAlike = incidents.find((i) => i.members.some((m) => m.key === 'qamishli-1029#0'))!;
    expect(lookAlike.id).not.toBe(clash.id);
    expect(lookAlike.members.map((m) => m.key).sort()).toEqual(['monitor-1030#1', 'qamishli-1029#0']);
  });
});
