/**
 * The workbench in real Chromium: log in (replacing a one-time password), see the incidents on the offline map,
 * brush the timeline, open an incident with its evidence highlighted, merge two incidents, find the merge in the
 * audit log, export ACLED CSV, and check that article markup stays text. Screenshots go to test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/server/accounts.js';
import { defaultWebRoot } from '../../src/server/index.js';
import { createAuditRepo } from '../../src/store/sqlite/audit-repo.js';
import { createUsersRepo } from '../../src/store/sqlite/users-repo.js';
import { startWorld, type TestWorld } from '../server/fixtures.js';
import { ARTIFACTS, browserAvailable, launch } from './browser.js';

const run = browserAvailable() && defaultWebRoot() !== null;
if (!run && defaultWebRoot() === null) process.stderr.write('skipping e2e tests: web app not built (npm run build)\n');

describe.skipIf(!run)('workbench in Chromium', () => {
  let world: TestWorld;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  const external: string[] = [];
  const cspViolations: string[] = [];
  const dialogs: string[] = [];
  let oneTimePassword = '';

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

  beforeAll(async () => {
    world = await startWorld({ webRoot: defaultWebRoot() });
    const db = world.store.db;
    oneTimePassword = addUser(
      { db, users: createUsersRepo(db), audit: createAuditRepo(db) },
      'lena',
      'analyst',
      'test',
    ).password;
    ({ context, close } = await launch());
    page = await context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(world.url) && !r.url().startsWith('data:')) external.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await close?.();
    await world?.close();
  });

  it('logs in with a one-time password and replaces it', async () => {
    await page.goto(`${world.url}/`);
    await page.fill('input[name=name]', 'lena');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('wrong name or password');
    await shot('01-login');
    await page.fill('input[name=password]', oneTimePassword);
    await page.click('button[type=submit]');
    await page.fill('input[name=current]', oneTimePassword);
    await page.fill('input[name=next]', 'lena-new-password-1');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-incident]');
  });

  it('shows the incidents on the offline map, list and timeline', async () => {
    await page.waitForSelector('[data-testid=map][data-points="3"]');
    // Natural Earth countries are drawn as vector paths on the canvas; markers are drawn too.
    await page.waitForSelector('.leaflet-overlay-pane canvas');
    expect(await page.locator('[data-incident]').count()).toBe(3);
    expect(await page.locator('[data-testid=timeline] rect').count()).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(300);
    await shot('02-workbench-1280x800');
    expect(external).toEqual([]);
  });

  it('draws admin-1 borders as thin lines from zoom 5 and hides them below', async () => {
    const map = page.locator('[data-testid=map]');
    const zoom = async () => Number(await map.getAttribute('data-zoom'));
    const initial = await zoom();
    // Paths of the admin-1 pane that hold a line in view (Leaflet leaves an off-screen country's path as 'M0 0').
    const drawn = () =>
      page.evaluate<number>(
        `[...document.querySelectorAll('.leaflet-admin1-pane path')].filter((p) => (p.getAttribute('d') ?? '').length > 100).length`,
      );
    while ((await zoom()) >= 5) await page.click('.leaflet-control-zoom-out');
    expect(await page.locator('.leaflet-admin1-pane path').count()).toBe(0);
    await shot('02a-map-zoom4-no-admin1');
    while ((await zoom()) < 5) await page.click('.leaflet-control-zoom-in');
    expect(await zoom()).toBe(5);
    // Syria's governorates and Turkey's provinces (the fixture incidents are in both) are drawn.
    await expect.poll(drawn, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    for (const country of ['SYR', 'TUR']) {
      const d = await page.locator(`.leaflet-admin1-pane path.admin1-${country}`).getAttribute('d');
      // Several hundred path commands: the provinces' borders, not an empty 'M0 0'.
      expect(d?.length ?? 0, country).toBeGreaterThan(300);
    }
    await page.waitForTimeout(200);
    await shot('02b-map-zoom5-admin1');
    while ((await zoom()) < 7) await page.click('.leaflet-control-zoom-in');
    await page.waitForTimeout(200);
    await shot('02c-map-zoom7-admin1');
    while ((await zoom()) > initial) await page.click('.leaflet-control-zoom-out');
    while ((await zoom()) < initial) await page.click('.leaflet-control-zoom-in');
    expect(external).toEqual([]);
  });

  it('brushes the timeline to filter the map and the list, and mirrors it in the URL', async () => {
    const box = (await page.locator('[data-testid=timeline]').boundingBox())!;
    // The axis runs from the day before the first incident (05-01) to the day after the last (05-11): 11 days.
    const dayX = (i: number) => box.x + ((i + 0.5) / 11) * box.width;
    await page.mouse.move(dayX(0), box.y + 30);
    await page.mouse.down();
    await page.mouse.move(dayX(2), box.y + 30, { steps: 4 });
    await page.mouse.move(dayX(4), box.y + 30, { steps: 4 });
    await page.mouse.up();
    await page.waitForURL(/from=2024-05-01&to=2024-05-05/);
    await expect.poll(() => page.locator('[data-incident]').count(), { timeout: 15_000 }).toBe(2);
    await page.waitForSelector('[data-testid=map][data-points="2"]');
    await shot('03-timeline-brushed');
    // A shared link opens the same view.
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    await expect.poll(() => other.locator('[data-incident]').count(), { timeout: 15_000 }).toBe(2);
    await other.close();
  });

  it('opens an incident with its reports side by side and the evidence highlighted', async () => {
    await page.click('[data-incident]:has-text("Kelmara")');
    await page.waitForSelector('[data-testid=incident-view]');
    expect(await page.locator('[data-testid=source]').count()).toBe(2);
    const evidence = page.locator('[data-testid=source] mark.mark-evidence, [data-testid=source] mark.in-evidence');
    expect(await evidence.count()).toBeGreaterThan(0);
    const marked = (await evidence.allTextContents()).join('');
    expect(marked).toContain('killing');
    const place = page.locator('[data-testid=source] mark[data-kind=place]').first();
    expect(await place.getAttribute('title')).toMatch(/place/);
    expect(await page.locator('table.counts').textContent()).toContain('low / best / high');
    await shot('04-incident');
  });

  it('merges two incidents through the review panel and shows the merge in the audit log', async () => {
    await page.goto(`${world.url}/?country=SY`);
    await expect.poll(() => page.locator('[data-incident]').count(), { timeout: 15_000 }).toBe(2);
    const tamsa = await page.locator('[data-incident]:has-text("Tamsa")').getAttribute('data-incident');
    await page.click('[data-incident]:has-text("Kelmara")');
    await page.waitForSelector('[data-testid=review]');
    await page.fill('input[name=mergeWith]', tamsa!);
    await page.click('[data-testid=review] button:has-text("Merge")');
    await expect.poll(() => page.locator('[data-testid=source]').count(), { timeout: 15_000 }).toBe(3);
    await page.waitForSelector('.history li:has-text("incident.merge")');
    await shot('05-merged');
    await page.click('nav >> text=Audit log');
    await page.waitForSelector('[data-testid=audit-view] td:has-text("incident.merge")');
    expect(await page.locator('[data-testid=audit-view] tr:has-text("incident.merge") td').nth(1).textContent()).toBe(
      'lena',
    );
    await shot('06-audit');
  });

  it('exports ACLED CSV', async () => {
    await page.goto(`${world.url}/`);
    await page.waitForSelector('[data-incident]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("ACLED CSV")')]);
    const path = await download.path();
    const csv = readFileSync(path!, 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^event_id_cnty,event_date,/);
    expect(csv.length).toBe(3); // header + the merged SY incident + the protest
  });

  it('renders article markup as text, never as HTML', async () => {
    await page.click('[data-incident]:has-text("Dorvik")');
    await page.waitForSelector('[data-testid=incident-view]');
    const card = page.locator('[data-testid=source]').first();
    expect(await card.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await card.textContent()).toContain("<script>alert('x')</script>");
    expect(await page.locator('[data-testid=incident-view] img, [data-testid=incident-view] script').count()).toBe(0);
    await page.click('text=Read full report');
    await page.waitForSelector('[data-testid=report-reader]');
    expect(await page.locator('.report-text').textContent()).toContain("<script>alert('x')</script>");
    await shot('07-report-reader');
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('stays usable on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${world.url}/`);
    await page.waitForSelector('[data-incident]');
    await page.waitForTimeout(300);
    await shot('08-phone');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.click('[data-incident]:has-text("Dorvik")');
    await page.waitForSelector('[data-testid=incident-view]');
    await shot('09-phone-incident');
    expect(external).toEqual([]);
  });

  it('lets an admin add an account and shows its one-time password once', async () => {
    world.user('root', 'admin');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${world.url}/`);
    await page.click('text=Log out');
    await page.fill('input[name=name]', 'root');
    await page.fill('input[name=password]', 'root-password-123');
    await page.click('button[type=submit]');
    await page.click('nav >> text=Accounts');
    await page.fill('input[name=newUser]', 'omar');
    await page.selectOption('select[name=newRole]', 'viewer');
    await page.click('button:has-text("Add account")');
    const notice = await page.getByRole('status').textContent();
    expect(notice).toMatch(/One-time password for omar: [a-z2-9]{5}(-[a-z2-9]{5}){3}/);
    await page.waitForSelector('[data-testid=users-view] td:has-text("omar")');
    await shot('10-accounts');
  });
});
