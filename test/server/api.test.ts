import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '../../src/incidents/formats.js';
import { createRoutes } from '../../src/server/app.js';
import type { IncidentDetail, IncidentSummary, Page, ReportView } from '../../src/server/views.js';
import { Client, startWorld, type TestWorld } from './fixtures.js';

let world: TestWorld;
let admin: Client;
let analyst: Client;
let viewer: Client;

beforeAll(async () => {
  world = await startWorld({
    ingest: async (input) => {
      if (input.text?.includes('explode')) throw new Error('secret internal detail at /srv/sitrep');
      return { reports: [{ id: 'r-new', title: input.title ?? null, duplicate: false }], errors: [] };
    },
  });
  world.user('root', 'admin');
  world.user('ann', 'analyst');
  world.user('vic', 'viewer');
  admin = new Client(world.url);
  analyst = new Client(world.url);
  viewer = new Client(world.url);
  for (const [c, n] of [
    [admin, 'root'],
    [analyst, 'ann'],
    [viewer, 'vic'],
  ] as const) {
    expect((await c.login(n)).status).toBe(200);
  }
});

afterAll(async () => {
  await world.close();
});

async function incidents(c: Client, query = ''): Promise<Page<IncidentSummary>> {
  const r = await c.json<Page<IncidentSummary>>('GET', `/api/incidents${query}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function kelmara(c: Client = analyst): Promise<IncidentSummary> {
  const page = await incidents(c, '?q=kelmara');
  expect(page.items).toHaveLength(1);
  return page.items[0]!;
}

describe('meta, headers and errors', () => {
  it('serves health and an OpenAPI document that lists every route', async () => {
    const health = await fetch(`${world.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
    const doc = (await (await fetch(`${world.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[]; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const r of createRoutes({} as never)) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
    // Generated from the validation schemas: the filter parameters are documented with their constraints.
    const list = doc.paths['/api/incidents']!.get!;
    expect(list.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'bbox', 'type', 'minSources', 'cursor']),
    );
    expect(doc.paths['/api/incidents/merge']!.post!.requestBody).toBeDefined();
  });

  it('sends a CSP and hardening headers on every answer', async () => {
    for (const path of ['/api/health', '/api/nope', '/api/incidents']) {
      const res = await fetch(world.url + path);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers unknown endpoints with 404 and wrong methods with 405, as JSON', async () => {
    const nf = await analyst.json('GET', '/api/nothing-here');
    expect(nf.status).toBe(404);
    expect(nf.body).toMatchObject({ error: { code: 'not_found' } });
    const res = await analyst.request('PUT', '/api/incidents');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('never leaks an internal error: 500 with a generic message, the detail goes to the server log', async () => {
    const r = await analyst.json<{ error: { code: string; message: string } }>('POST', '/api/ingest/text', {
      text: 'This text will explode inside the pipeline on purpose.',
    });
    expect(r.status).toBe(500);
    expect(r.body.error).toEqual({ code: 'internal', message: 'internal server error' });
    expect(JSON.stringify(r.body)).not.toContain('/srv/sitrep');
    expect(world.logs.join('\n')).toContain('secret internal detail');
  });
});

describe('authentication, roles and CSRF', () => {
  it('refuses every protected endpoint without credentials (401)', async () => {
    const anonymous = new Client(world.url);
    for (const r of createRoutes({} as never)) {
      if (!r.role) continue;
      const path = r.path.replace(':id', 'inc-000000000000').replace(':reportId', 'abcd1234').replace(':name', 'ann');
      const res = await anonymous.request(r.method, path, r.body ? {} : undefined);
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });

  it('lets a viewer read but refuses every change (403)', async () => {
    for (const r of createRoutes({} as never)) {
      if (!r.role || r.role === 'viewer') continue;
      const path = r.path.replace(':id', 'inc-000000000000').replace(':reportId', 'abcd1234').replace(':name', 'ann');
      const res = await viewer.request(r.method, path, r.body ? {} : undefined);
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
    }
    expect((await viewer.request('GET', '/api/incidents')).status).toBe(200);
    expect((await viewer.request('GET', '/api/export/acled.csv')).status).toBe(200);
  });

  it('keeps admin-only endpoints from analysts', async () => {
    expect((await analyst.request('GET', '/api/users')).status).toBe(403);
    expect((await analyst.request('POST', '/api/users', { name: 'eve', role: 'admin' })).status).toBe(403);
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const c = new Client(world.url);
    const a = await c.json('POST', '/api/auth/login', { name: 'ann', password: 'wrong-password' });
    const b = await c.json('POST', '/api/auth/login', { name: 'nobody', password: 'wrong-password' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
  });

  it('locks an account name after repeated failed logins (429), without locking other accounts', async () => {
    world.user('target', 'viewer');
    const c = new Client(world.url);
    for (let i = 0; i < 5; i++) expect((await c.login('target', `guess-${i}`)).status).toBe(401);
    expect((await c.login('target')).status).toBe(429);
    expect((await c.login('vic')).status).toBe(200);
  });

  it('sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await new Client(world.url).login('ann');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/sitrep_session=[\w-]{40,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const id = (await kelmara()).id;
    const noToken = await analyst.request('POST', `/api/incidents/${id}/confirm`, {}, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrong = await analyst.request('POST', `/api/incidents/${id}/confirm`, {}, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
  });

  it('makes a one-time password usable only to set a new one', async () => {
    const created = await admin.json<{ oneTimePassword: string; user: { name: string } }>('POST', '/api/users', {
      name: 'newbie',
      role: 'analyst',
    });
    expect(created.status).toBe(201);
    const otp = created.body.oneTimePassword;
    expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const c = new Client(world.url);
    const login = await c.login('newbie', otp);
    expect(((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    const blocked = await c.json<{ error: { code: string } }>('GET', '/api/incidents');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await c.json('POST', '/api/auth/password', { current: otp, next: 'short' })).status).toBe(400);
    expect(
      (await c.json('POST', '/api/auth/password', { current: 'not-it', next: 'a-long-new-password' })).status,
    ).toBe(403);
    expect((await c.json('POST', '/api/auth/password', { current: otp, next: 'a-long-new-password' })).status).toBe(
      200,
    );
    expect((await c.json('GET', '/api/incidents')).status).toBe(200);
    // The one-time password no longer works.
    expect((await new Client(world.url).login('newbie', otp)).status).toBe(401);
    expect((await new Client(world.url).login('newbie', 'a-long-new-password')).status).toBe(200);
  });

  it('issues bearer tokens for scripts: no cookie, no CSRF token; revoked tokens stop working', async () => {
    const made = await analyst.json<{ secret: string; token: { id: number } }>('POST', '/api/auth/tokens', {
      label: 'nightly export',
    });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^sitrep_/);
    const script = new Client(world.url);
    script.bearer = made.body.secret;
    expect((await script.request('GET', '/api/incidents')).status).toBe(200);
    const id = (await kelmara(script)).id;
    expect((await script.request('POST', `/api/incidents/${id}/confirm`, { note: 'from a script' })).status).toBe(200);
    const listed = await analyst.json<{ tokens: { id: number; label: string }[] }>('GET', '/api/auth/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    expect((await analyst.request('DELETE', `/api/auth/tokens/${made.body.token.id}`)).status).toBe(200);
    expect((await script.request('GET', '/api/incidents')).status).toBe(401);
    const malformed = await fetch(`${world.url}/api/incidents`, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const c = new Client(world.url);
    await c.login('vic');
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await c.request('POST', '/api/auth/logout')).status).toBe(200);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 and a non-JSON body with 415', async () => {
    const bad = await analyst.request('POST', '/api/incidents/merge', '{"ids": [', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('malformed_json');
    const form = await analyst.request('POST', '/api/incidents/merge', 'ids=a&ids=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('names the field that failed validation', async () => {
    const r = await analyst.json<{ error: { code: string; message: string; details: { path: string }[] } }>(
      'GET',
      '/api/incidents?from=2024-13-45&minSources=-1',
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['query.from', 'query.minSources']));
    expect((await analyst.json('GET', '/api/incidents?bbox=1,2,3')).status).toBe(400);
    expect((await analyst.json('GET', '/api/incidents?type=Picnic')).status).toBe(400);
    expect((await analyst.json('GET', '/api/incidents?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('refuses a 50 MB upload with 413 before reading it, and keeps serving', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const res = await analyst
      .request('POST', '/api/ingest/file?name=huge.txt', big, { 'content-type': 'application/octet-stream' })
      .catch((e: Error) => e);
    if (res instanceof Error) {
      // Some clients see the socket closed while still sending; the server must still be healthy.
      expect(res.message).toMatch(/fetch failed|other side closed|EPIPE|ECONNRESET/);
    } else {
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    }
    expect((await fetch(`${world.url}/api/health`)).status).toBe(200);
    // A JSON body over 1 MiB is refused the same way.
    const long = await analyst.request('POST', '/api/ingest/text', { text: 'x'.repeat(2 * 1024 * 1024) });
    expect(long.status).toBe(413);
  });

  it('treats SQL and HTML in fields as data', async () => {
    for (const q of ["'; DROP TABLE users; --", '" OR 1=1 --', '%_%', '<script>alert(1)</script>']) {
      const list = await analyst.json<Page<IncidentSummary>>(
        'GET',
        `/api/incidents?q=${encodeURIComponent(q)}&actor=${encodeURIComponent(q)}`,
      );
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      const search = await analyst.json<Page<unknown>>('GET', `/api/reports?q=${encodeURIComponent(q)}`);
      expect(search.status).toBe(200);
    }
    expect((await analyst.json('GET', '/api/incidents/%3Cscript%3E')).status).toBe(400);
    expect((await analyst.json('GET', `/api/incidents/${encodeURIComponent("1' OR '1'='1")}`)).status).toBe(400);
    // Users table intact, logins still work.
    expect((await new Client(world.url).login('vic')).status).toBe(200);
    // Markup in a report comes back verbatim inside JSON strings (the UI renders it as text).
    const herald = world.reports[3]!;
    const res = await analyst.request('GET', `/api/reports/${herald.id}`);
    expect(res.headers.get('content-type')).toContain('application/json');
    const view = (await res.json()) as ReportView;
    expect(view.title).toBe('Protest in Dorvik <img src=x onerror=alert(1)>');
    expect(view.text).toContain("<script>alert('x')</script>");
    // A user name with markup is refused.
    expect((await admin.json('POST', '/api/users', { name: '<b>x</b>', role: 'viewer' })).status).toBe(400);
  });
});

describe('incidents: filters, pagination, map points, timeline', () => {
  it('lists the three fixture incidents newest first, the two Kelmara reports as one incident', async () => {
    const page = await incidents(viewer);
    expect(page.items.map((i) => i.location?.name)).toEqual(['Dorvik Province', 'Tamsa', 'Kelmara']);
    const k = page.items[2]!;
    expect(k.reports).toBe(2);
    expect(k.sources).toBe(2);
    expect(k.killed?.best).not.toBeNull();
  });

  it('filters by type, date range, bbox, country, admin1, actor, grade, certainty and min sources', async () => {
    const names = async (q: string) => (await incidents(viewer, q)).items.map((i) => i.location?.name);
    expect(await names('?type=Battles')).toEqual(['Tamsa']);
    expect(await names('?type=Peaceful%20protest')).toEqual(['Dorvik Province']);
    expect(await names('?from=2024-05-03&to=2024-05-05')).toEqual(['Tamsa']);
    expect(await names('?bbox=38,35,39,36')).toEqual(['Tamsa', 'Kelmara']);
    expect(await names('?country=tr')).toEqual(['Dorvik Province']);
    expect(await names('?admin1=raqqa')).toEqual(['Tamsa', 'Kelmara']);
    expect(await names('?actor=free%20hills')).toEqual(['Tamsa']);
    expect(await names('?certainty=claimed')).toEqual(['Tamsa']);
    expect(await names('?minSources=2')).toEqual(['Kelmara']);
    expect(await names('?grade=Confirmed')).toEqual([]);
  });

  it('pages with an opaque cursor, without gaps or repeats', async () => {
    const first = await incidents(viewer, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await incidents(viewer, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('gives compact map points and a per-day timeline by type', async () => {
    const points = await viewer.json<{ points: [string, number, number, number, number, number][] }>(
      'GET',
      '/api/incidents/points',
    );
    expect(points.body.points).toHaveLength(3);
    const tamsa = points.body.points.find((p) => p[1] === 35.55)!;
    expect(tamsa[3]).toBe(0); // Battles
    expect(tamsa[4]).toBe(3); // best killed
    expect(tamsa[5]).toBe(1); // 'near'
    const timeline = await viewer.json<{ days: { day: string; counts: number[] }[] }>(
      'GET',
      '/api/incidents/timeline?country=SY',
    );
    expect(timeline.body.days.map((d) => d.day)).toEqual(['2024-05-02', '2024-05-04']);
    expect(timeline.body.days[0]!.counts[1]).toBe(1); // Explosions/Remote violence
  });

  it('shows an incident with its reports side by side, evidence marked inside its paragraph, counts per report', async () => {
    const k = await kelmara(viewer);
    const r = await viewer.json<IncidentDetail>('GET', `/api/incidents/${k.id}`);
    expect(r.status).toBe(200);
    expect(r.body.sources.map((s) => s.outlet)).toEqual(['Ashford Wire', 'Valley Post']);
    const ashford = r.body.sources[0]!;
    const ex = ashford.excerpts[0]!;
    const evidence = ex.marks.find((m) => m.kind === 'evidence')!;
    expect(ex.text.slice(evidence.start, evidence.end)).toContain('killing 7 civilians');
    expect(ex.marks.some((m) => m.kind === 'place' && ex.text.slice(m.start, m.end) === 'Kelmara')).toBe(true);
    expect(ashford.figures).toEqual([{ field: 'killed', low: 7, high: 7, certainty: 'reported' }]);
    expect(r.body.sources[1]!.figures[0]).toMatchObject({ field: 'killed', low: 9, high: null });
    expect(r.body.incident.counts.killed.low).not.toBeNull();
    expect((await viewer.json('GET', '/api/incidents/inc-000000000000')).status).toBe(404);
  });
});

describe('review actions, each in the audit log', () => {
  it('confirms, edits a field, changes the grade, all recorded with before and after', async () => {
    const id = (await kelmara()).id;
    expect((await analyst.json('POST', `/api/incidents/${id}/confirm`, { note: 'checked the video' })).status).toBe(
      200,
    );
    const edit = await analyst.json<{ summary: IncidentSummary }>('PATCH', `/api/incidents/${id}`, {
      field: 'location.name',
      value: 'Kelmara old market',
    });
    expect(edit.status).toBe(200);
    expect(edit.body.summary.location?.name).toBe('Kelmara old market');
    expect(
      (await analyst.json('PATCH', `/api/incidents/${id}`, { field: 'sub_event_type', value: 'Picnic' })).status,
    ).toBe(400);
    expect(
      (await analyst.json('PATCH', `/api/incidents/${id}`, { field: 'counts.killed.best', value: '-3' })).status,
    ).toBe(400);
    expect((await analyst.json('PATCH', `/api/incidents/${id}`, { field: 'grade', value: 'x' })).status).toBe(400);
    const grade = await analyst.json<{ summary: IncidentSummary }>('POST', `/api/incidents/${id}/grade`, {
      grade: 'Confirmed',
      reason: 'the army acknowledged the strike',
    });
    expect(grade.body.summary.grade).toBe('Confirmed');
    const log = await viewer.json<{
      entries: { action: string; actor: string; before: IncidentSummary; after: IncidentSummary }[];
    }>('GET', `/api/audit?entityType=incident&entityId=${id}`);
    const actions = log.body.entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['incident.confirm', 'incident.edit:location.name', 'incident.grade']),
    );
    const g = log.body.entries.find((e) => e.action === 'incident.grade')!;
    expect(g.actor).toBe('ann');
    expect(g.before.grade).not.toBe('Confirmed');
    expect(g.after.grade).toBe('Confirmed');
    // Exports carry the analyst's corrections.
    const csv = await (await viewer.request('GET', '/api/export/acled.csv?q=kelmara')).text();
    expect(csv).toContain('Kelmara old market');
    expect(csv).toContain('Confirmed');
  });

  it('discounts a report and restores it', async () => {
    const k = await kelmara();
    const valley = world.reports[1]!.id;
    const d = await analyst.json<{ summary: IncidentSummary }>(
      'POST',
      `/api/incidents/${k.id}/reports/${valley}/discount`,
      {
        reason: 'relies on a single unnamed source',
      },
    );
    expect(d.status).toBe(200);
    expect(d.body.summary.sources).toBe(1);
    const detail = await viewer.json<IncidentDetail>('GET', `/api/incidents/${k.id}`);
    expect(detail.body.sources.find((s) => s.reportId === valley)!.discounted?.reason).toBe(
      'relies on a single unnamed source',
    );
    const notSource = world.reports[2]!.id;
    expect(
      (await analyst.json('POST', `/api/incidents/${k.id}/reports/${notSource}/discount`, { reason: 'not here' }))
        .status,
    ).toBe(404);
    const r = await analyst.json<{ summary: IncidentSummary }>(
      'DELETE',
      `/api/incidents/${k.id}/reports/${valley}/discount`,
    );
    expect(r.body.summary.sources).toBe(2);
    expect((await analyst.json('DELETE', `/api/incidents/${k.id}/reports/${valley}/discount`)).status).toBe(409);
  });

  it('merges two incidents and splits them again; review overlays survive the re-clustering', async () => {
    const before = await incidents(analyst, '?country=SY');
    const [tamsa, kel] = before.items;
    const merged = await analyst.json<{ incident: string; removed: string[] }>('POST', '/api/incidents/merge', {
      ids: [tamsa!.id, kel!.id],
      note: 'same attack, reported twice',
    });
    expect(merged.status).toBe(200);
    const after = await incidents(analyst, '?country=SY');
    expect(after.items).toHaveLength(1);
    expect(after.items[0]!.reports).toBe(3);
    const gone = merged.body.removed[0]!;
    expect((await analyst.json('GET', `/api/incidents/${gone}`)).status).toBe(404);
    const mergedLog = await viewer.json<{ entries: { action: string }[] }>('GET', `/api/audit?action=incident.merge`);
    expect(mergedLog.body.entries.length).toBeGreaterThan(0);

    const detail = await analyst.json<IncidentDetail>('GET', `/api/incidents/${merged.body.incident}`);
    const keys = detail.body.incident.members.map((m) => m.key);
    const tamsaReport = world.reports[2]!.id;
    const groups = [keys.filter((k) => !k.startsWith(tamsaReport)), keys.filter((k) => k.startsWith(tamsaReport))];
    const split = await analyst.json<{ incidents: string[] }>('POST', `/api/incidents/${merged.body.incident}/split`, {
      groups,
    });
    expect(split.status).toBe(200);
    expect(split.body.incidents).toHaveLength(2);
    const again = await incidents(analyst, '?country=SY');
    expect(again.items).toHaveLength(2);
    // The Kelmara edits and grade were anchored to its events: they are still there after merge + split.
    const k = again.items.find((i) => i.location?.name === 'Kelmara old market');
    expect(k?.grade).toBe('Confirmed');
    expect(k?.reviewed).toBe(true);
    expect(world.incidents.decisions.map((d) => d.kind)).toEqual(['merge', 'split']);
    expect((await analyst.json('POST', '/api/incidents/merge', { ids: [kel!.id, kel!.id] })).status).toBe(400);
    expect(
      (await analyst.json('POST', `/api/incidents/${k!.id}/split`, { groups: [['nope#0'], ['nope#1']] })).status,
    ).toBe(400);
  });

  it('keeps the audit log append-only at the database level', () => {
    expect(() => world.store.db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => world.store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('reports, events, ingest, exports, users', () => {
  it('lists and searches reports and shows one with every annotation', async () => {
    const list = await viewer.json<Page<{ id: string; title: string }>>('GET', '/api/reports');
    expect(list.body.items).toHaveLength(4);
    const hits = await viewer.json<Page<{ id: string; outlet: string }>>('GET', '/api/reports?q=market%20shelling');
    expect(hits.body.items.map((h) => h.outlet).sort()).toEqual(['Ashford Wire', 'Valley Post']);
    const view = await viewer.json<ReportView>('GET', `/api/reports/${world.reports[0]!.id}`);
    const kinds = new Set(view.body.annotations.map((a) => a.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['evidence', 'place', 'count', 'trigger']));
    for (const a of view.body.annotations) expect(a.end).toBeGreaterThan(a.start);
    expect(view.body.incidents).toHaveLength(1);
    expect((await viewer.json('GET', '/api/reports/ffffffffffff')).status).toBe(404);
  });

  it('lists events by report', async () => {
    const r = await viewer.json<Page<{ reportId: string }>>('GET', `/api/events?report=${world.reports[2]!.id}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
  });

  it('accepts pasted text and uploads from analysts (201) and validates them', async () => {
    const ok = await analyst.json<{ reports: { id: string }[] }>('POST', '/api/ingest/text', {
      text: 'A pasted report about a fictional place with enough words.',
      title: 'Pasted',
    });
    expect(ok.status).toBe(201);
    expect((await analyst.json('POST', '/api/ingest/text', { text: 'short' })).status).toBe(400);
    expect(
      (await analyst.json('POST', '/api/ingest/text', { text: 'x'.repeat(40), url: 'javascript:alert(1)' })).status,
    ).toBe(400);
    const up = await analyst.request(
      'POST',
      '/api/ingest/file?name=note.txt',
      'date 2024-05-01\nSome text about an event.',
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(up.status).toBe(201);
    expect(
      (await analyst.request('POST', '/api/ingest/file?name=../../etc/passwd', 'x', { 'content-type': 'text/plain' }))
        .status,
    ).toBe(400);
    expect(
      (await analyst.request('POST', '/api/ingest/file?name=empty.txt', '', { 'content-type': 'text/plain' })).status,
    ).toBe(400);
  });

  it('exports ACLED CSV, GeoJSON and JSONL for the current filters', async () => {
    const csv = await viewer.request('GET', '/api/export/acled.csv?country=SY');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe(ACLED_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    const geo = (await (await viewer.request('GET', '/api/export/incidents.geojson')).json()) as {
      type: string;
      features: unknown[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThanOrEqual(3);
    const jsonl = await (await viewer.request('GET', '/api/export/incidents.jsonl?type=Protests')).text();
    const rows = jsonl
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event_type: string });
    expect(rows.map((r) => r.event_type)).toEqual(['Protests']);
  });

  it('lets admins manage accounts; duplicates conflict; an admin cannot demote themself', async () => {
    const dup = await admin.json('POST', '/api/users', { name: 'ann', role: 'viewer' });
    expect(dup.status).toBe(409);
    const patched = await admin.json<{ user: { role: string } }>('PATCH', '/api/users/vic', { role: 'analyst' });
    expect(patched.body.user.role).toBe('analyst');
    await admin.json('PATCH', '/api/users/vic', { role: 'viewer' });
    expect((await admin.json('PATCH', '/api/users/root', { role: 'viewer' })).status).toBe(409);
    expect((await admin.json('PATCH', '/api/users/ghost', { role: 'viewer' })).status).toBe(404);
    const reset = await admin.json<{ oneTimePassword: string }>('POST', '/api/users/vic/reset-password');
    expect(reset.body.oneTimePassword).toBeTruthy();
    const users = await admin.json<{ users: { name: string }[] }>('GET', '/api/users');
    expect(JSON.stringify(users.body)).not.toMatch(/scrypt\$/);
    const log = await admin.json<{ entries: { action: string }[] }>('GET', '/api/audit?entityType=user');
    expect(log.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.add', 'user.update', 'user.reset-password']),
    );
  });
});
