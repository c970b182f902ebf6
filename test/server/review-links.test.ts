/**
 * Discounting a report recomputes the incident's counts, sources and grade (and survives re-clustering; undoing it
 * restores them), and follow-up links show from both ends. Each world is fresh: review overlays are state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_LEXICON } from '../../src/incidents/lexicon.js';
import { reassessWithout } from '../../src/incidents/service.js';
import type { Incident } from '../../src/model/incident.js';
import type { IncidentDetail, IncidentSummary, MapPoint, Page } from '../../src/server/views.js';
import { ARRESTS, Client, SPECS, type Spec, startWorld, type TestWorld } from './fixtures.js';

let world: TestWorld | null = null;

afterEach(async () => {
  await world?.close();
  world = null;
});

async function open(specs: readonly Spec[] = SPECS): Promise<{ w: TestWorld; analyst: Client }> {
  world = await startWorld({ specs });
  world.user('ann', 'analyst');
  const analyst = new Client(world.url);
  expect((await analyst.login('ann')).status).toBe(200);
  return { w: world, analyst };
}

async function find(c: Client, q: string): Promise<IncidentSummary> {
  const r = await c.json<Page<IncidentSummary>>('GET', `/api/incidents?q=${encodeURIComponent(q)}`);
  expect(r.status).toBe(200);
  expect(r.body.items).toHaveLength(1);
  return r.body.items[0]!;
}

async function detail(c: Client, id: string): Promise<IncidentDetail> {
  const r = await c.json<IncidentDetail>('GET', `/api/incidents/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

const discountPath = (incident: string, report: string) => `/api/incidents/${incident}/reports/${report}/discount`;

describe('discounting a report recomputes the incident', () => {
  it('recomputes low/best/high, sources and grade without the report; undoing restores them', async () => {
    const { w, analyst } = await open();
    const valley = w.reports[1]!.id;
    const k = await find(analyst, 'kelmara');
    // Ashford gives 7, the Valley Post "at least 9" (published later): best 9 from the more recent report.
    expect(k.killed).toEqual({ low: 7, best: 9, high: 9 });
    expect(k.sources).toBe(2);
    expect(k.grade).toBe('Fair');

    const d = await analyst.json<{ summary: IncidentSummary }>('POST', discountPath(k.id, valley), {
      reason: 'copies an unnamed hospital source',
    });
    expect(d.status).toBe(200);
    expect(d.body.summary.killed).toEqual({ low: 7, best: 7, high: 7 });
    expect(d.body.summary.sources).toBe(1);
    expect(d.body.summary.grade).toBe('Weak');

    // The list, the map points and the incident view all read the recomputed figures.
    expect((await find(analyst, 'kelmara')).killed).toEqual({ low: 7, best: 7, high: 7 });
    const points = await analyst.json<{ points: MapPoint[] }>('GET', '/api/incidents/points');
    expect(points.body.points.find((p) => p[0] === k.id)?.[4]).toBe(7);
    const view = await detail(analyst, k.id);
    expect(view.incident.counts.killed).toMatchObject({ low: 7, best: 7, high: 7, acled: 7 });
    expect(view.incident.counts.killed.reason).toContain('without 1 discounted report');
    expect(view.incident.grade_reason).toBe('a single source (without 1 discounted report)');
    // The discounted report is still listed, with its figure, marked as discounted.
    const src = view.sources.find((s) => s.reportId === valley)!;
    expect(src.discounted?.reason).toBe('copies an unnamed hospital source');
    expect(src.figures).toEqual([{ field: 'killed', low: 9, high: null, certainty: 'reported' }]);
    // Exports carry the recomputed incident too.
    const jsonl = await (await analyst.request('GET', '/api/export/incidents.jsonl?q=kelmara')).text();
    const line = JSON.parse(jsonl.trim()) as { counts: { killed: { best: number } }; grade: string };
    expect(line.counts.killed.best).toBe(7);
    expect(line.grade).toBe('Weak');

    const undo = await analyst.json<{ summary: IncidentSummary }>('DELETE', discountPath(k.id, valley));
    expect(undo.status).toBe(200);
    expect(undo.body.summary.killed).toEqual({ low: 7, best: 9, high: 9 });
    expect(undo.body.summary.sources).toBe(2);
    expect(undo.body.summary.grade).toBe('Fair');
    const restored = await detail(analyst, k.id);
    expect(restored.incident.counts.killed.reason).not.toContain('discounted');
  });

  it('keeps the recount through a merge and a split; undoing it on the merged incident restores its figure', async () => {
    const { w, analyst } = await open();
    const valley = w.reports[1]!.id;
    const k = await find(analyst, 'kelmara');
    const t = await find(analyst, 'tamsa');
    expect((await analyst.json('POST', discountPath(k.id, valley), { reason: 'unreliable' })).status).toBe(200);

    // Re-clustering: the merged incident holds Ashford's 7, the clash's 3, and the discounted Valley Post 9.
    const merged = await analyst.json<{ incident: string }>('POST', '/api/incidents/merge', { ids: [k.id, t.id] });
    expect(merged.status).toBe(200);
    const m = await detail(analyst, merged.body.incident);
    expect(m.sources.find((s) => s.reportId === valley)?.discounted?.reason).toBe('unreliable');
    expect(m.incident.counts.killed.high).toBe(7);
    expect(m.summary.sources).toBe(2);

    const undo = await analyst.json<{ summary: IncidentSummary }>('DELETE', discountPath(m.summary.id, valley));
    expect(undo.status).toBe(200);
    expect(undo.body.summary.killed?.high).toBe(9);
    expect(undo.body.summary.sources).toBe(3);

    // Discount again on the merged incident, then split it back: the Kelmara part keeps the discount.
    expect((await analyst.json('POST', discountPath(m.summary.id, valley), { reason: 'again' })).status).toBe(200);
    const groups = [
      m.incident.members.filter((x) => x.sub_event_type !== 'Armed clash').map((x) => x.key),
      m.incident.members.filter((x) => x.sub_event_type === 'Armed clash').map((x) => x.key),
    ];
    const split = await analyst.json<{ incidents: string[] }>('POST', `/api/incidents/${m.summary.id}/split`, {
      groups,
    });
    expect(split.status).toBe(200);
    const again = await find(analyst, 'kelmara');
    expect(again.killed).toEqual({ low: 7, best: 7, high: 7 });
    expect(again.grade).toBe('Weak');
  });

  it('lets an analyst grade stand over the recount, and discounting every report leaves no figure', async () => {
    const { w, analyst } = await open();
    const [ashford, valley] = [w.reports[0]!.id, w.reports[1]!.id];
    const k = await find(analyst, 'kelmara');
    const g = await analyst.json('POST', `/api/incidents/${k.id}/grade`, {
      grade: 'Confirmed',
      reason: 'seen on video',
    });
    expect(g.status).toBe(200);
    const d = await analyst.json<{ summary: IncidentSummary }>('POST', discountPath(k.id, valley), {
      reason: 'weak copy',
    });
    expect(d.body.summary.grade).toBe('Confirmed');
    expect(d.body.summary.killed?.best).toBe(7);
    const all = await analyst.json<{ summary: IncidentSummary }>('POST', discountPath(k.id, ashford), {
      reason: 'retracted',
    });
    expect(all.body.summary.killed).toBeNull();
    expect(all.body.summary.sources).toBe(0);
    const view = await detail(analyst, k.id);
    expect(view.incident.counts.killed.reason).toBe('all-reports-discounted');
  });

  it('gives an incident its own figures and grade back when nothing is discounted (same summary as clustering)', async () => {
    const { w } = await open();
    const incidents = [...w.incidents.all()] as Incident[];
    expect(incidents.length).toBeGreaterThan(0);
    for (const inc of incidents) {
      const again = reassessWithout(w.store, EMPTY_LEXICON, inc, new Set());
      expect(again).toEqual({ counts: inc.counts, grade: inc.grade, grade_reason: inc.grade_reason });
    }
  });
});

describe('follow-up links from both ends', () => {
  it('shows "follows" on the later incident and "followed by" on the earlier one, each with its summary', async () => {
    const { analyst } = await open([...SPECS, ARRESTS]);
    const list = await analyst.json<Page<IncidentSummary>>('GET', '/api/incidents?q=kelmara');
    const shelling = list.body.items.find((i) => i.subEventType === 'Shelling/artillery/missile attack')!;
    const arrests = list.body.items.find((i) => i.subEventType === 'Arrests')!;
    expect(shelling && arrests).toBeTruthy();

    const later = await detail(analyst, arrests.id);
    expect(later.followUps).toHaveLength(1);
    expect(later.followUps[0]).toMatchObject({ id: shelling.id, direction: 'follows' });
    expect(later.followUps[0]!.reason).toContain('shared-actor');
    expect(later.followUps[0]!.summary?.subEventType).toBe('Shelling/artillery/missile attack');

    const earlier = await detail(analyst, shelling.id);
    expect(earlier.followUps).toEqual([
      { id: arrests.id, reason: later.followUps[0]!.reason, direction: 'followed-by', summary: arrests },
    ]);

    // Incidents that nothing follows show no links (the Tamsa clash is later than the arrests, so not their antecedent).
    const tamsa = await find(analyst, 'tamsa');
    expect((await detail(analyst, tamsa.id)).followUps).toEqual([]);
  });
});
