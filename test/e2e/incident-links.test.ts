/**
 * The incident view in Chromium: follow-up links from both ends, and a discounted report leaving the counts. A world
 * of its own (the fixture reports plus an arrest that follows the Kelmara shelling). Screenshots go to
 * test-artifacts/.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWebRoot } from '../../src/server/index.js';
import type { IncidentSummary, Page as ListPage } from '../../src/server/views.js';
import { ARRESTS, Client, SPECS, startWorld, type TestWorld } from '../server/fixtures.js';
import { ARTIFACTS, browserAvailable, launch } from './browser.js';

const run = browserAvailable() && defaultWebRoot() !== null;

describe.skipIf(!run)('incident view: follow-ups and discounts in Chromium', () => {
  let world: TestWorld;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  let shelling: IncidentSummary;
  let arrests: IncidentSummary;

  beforeAll(async () => {
    world = await startWorld({ webRoot: defaultWebRoot(), specs: [...SPECS, ARRESTS] });
    world.user('ann', 'analyst');
    const api = new Client(world.url);
    expect((await api.login('ann')).status).toBe(200);
    const list = await api.json<ListPage<IncidentSummary>>('GET', '/api/incidents?q=kelmara');
    shelling = list.body.items.find((i) => i.subEventType === 'Shelling/artillery/missile attack')!;
    arrests = list.body.items.find((i) => i.subEventType === 'Arrests')!;
    // Discounted through the API (the UI asks for the reason in a prompt).
    const valley = world.reports[1]!.id;
    const d = await api.json('POST', `/api/incidents/${shelling.id}/reports/${valley}/discount`, {
      reason: 'repeats an unnamed hospital source',
    });
    expect(d.status).toBe(200);
    ({ context, close } = await launch());
    page = await context.newPage();
    await page.goto(`${world.url}/`);
    await page.fill('input[name=name]', 'ann');
    await page.fill('input[name=password]', 'ann-password-123');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-incident]');
  });

  afterAll(async () => {
    await close?.();
    await world?.close();
  });

  it('shows "followed by" on the earlier incident and "follows" on the later one, and navigates between them', async () => {
    await page.goto(`${world.url}/incidents/${shelling.id}`);
    const links = page.locator('[data-testid=follow-ups] li');
    await links.first().waitFor();
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute('data-direction')).toBe('followed-by');
    expect(await links.first().textContent()).toMatch(/^Followed by\s*Arrests in Kelmara · 2024-05-03/);
    expect(await links.first().textContent()).toContain('shares an actor');
    await page.screenshot({ path: join(ARTIFACTS, '11-incident-discounted.png') });
    await links.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '12-incident-followed-by.png') });
    await links.first().locator('a').click();
    await page.waitForURL(new RegExp(`/incidents/${arrests.id}`));
    const back = page.locator('[data-testid=follow-ups] li');
    await back.first().waitFor();
    expect(await back.first().getAttribute('data-direction')).toBe('follows');
    expect(await back.first().textContent()).toContain('Shelling/artillery/missile attack in Kelmara');
    await page.screenshot({ path: join(ARTIFACTS, '13-incident-follows.png') });
  });

  it('shows the recomputed counts without the discounted report, its row struck through', async () => {
    await page.goto(`${world.url}/incidents/${shelling.id}`);
    await page.waitForSelector('[data-testid=discount-note]');
    expect(await page.locator('[data-testid=discount-note]').textContent()).toContain('1 discounted report is');
    expect(await page.locator('table.counts tr.total').textContent()).toContain('7');
    expect(await page.locator('table.counts tr.total').textContent()).not.toContain('9');
    expect(await page.locator('table.counts tr.discounted').textContent()).toContain('9+');
    expect(await page.locator('.grade-line').textContent()).toContain('Weak');
  });
});
