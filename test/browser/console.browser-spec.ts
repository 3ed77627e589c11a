/**
 * The web console in a real browser: Debian's Chromium driven by playwright-core over the Hải Phòng
 * demo, seeded once through the real demo runner (browser-world.ts says how to run this elsewhere: CHROMIUM_PATH).
 * Tests run in order on one world: closing months and the correction come last because they move the figures the
 * others check. Every screen is screenshot and checked with axe-core. Every wait is on an element or an event, with
 * generous timeouts; nothing measures time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@thads/auth';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, startBrowserWorld, type BrowserWorld } from './browser-world';
import { api, screenshot, seriousViolations, WAIT } from './console-helpers';
import {
  auditCaughtUp,
  alterStoredEvent,
  closeUpToApril,
  fileOverdueComplaint,
  findOpenCase,
  findSettledCase,
  OFFICE,
  type SettledCase,
} from './demo-cases';
import { checkRole } from './role-controls';
import { readCityRow } from './xlsx-form';

const DASHBOARD = '#/dashboard?office=HP&period=2018-05';
/**
 * Waits until the case screen shows a case that is not (or no longer) settled. A locator, not waitForFunction: a string
 * predicate is evaluated with eval, which the console's CSP refuses (intermittently, as the page's world changes).
 */
const notSettled = (page: Page) =>
  page.locator('[data-testid=case-state]').filter({ hasNotText: 'Thi hành xong' }).waitFor(WAIT);

describe('the web console, in Chromium, over the Hải Phòng demo', () => {
  let world: BrowserWorld;
  let admin: { token: string; link: string };
  let officer: { token: string; link: string };
  let context: BrowserContext;
  let page: Page;
  let settled: SettledCase;
  /** An open case of Ngô Quyền: the refused command and the complaint are about it. */
  let openCase: string;
  let complaintId: string;
  /** Requests the console's tab made to any other origin: its assets are all local. */
  const foreign: string[] = [];

  /** Screenshot, then axe-core's serious and critical violations: none on any screen. */
  const check = async (name: string, on: Page = page) => {
    await screenshot(on, name);
    expect(await seriousViolations(on)).toEqual([]);
  };
  const text = (selector: string) => page.textContent(selector);

  beforeAll(async () => {
    world = await startBrowserWorld();
    admin = await world.signIn('admin,auditor', { sub: 'kiem-toan-browser' });
    officer = await world.signIn('officer', { office: OFFICE, sub: 'chv-browser' });
    settled = await findSettledCase(world.baseUrl, admin.token);
    openCase = await findOpenCase(world.baseUrl, admin.token);
    context = await world.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${world.baseUrl}/`) && !/^(blob|data):/.test(url)) foreign.push(url);
    });
  }, 1_800_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  }, 120_000);

  it('signs in with a pasted token, and with the link `npm run cli -- token` prints', async () => {
    await page.goto(`${world.baseUrl}/`);
    await page.waitForSelector('form.sign-in', WAIT);
    await check('01-sign-in');
    await page.fill('#token', admin.token);
    await page.click('form.sign-in button[type=submit]');
    await page.waitForSelector('[data-testid=who]', WAIT);
    expect(await text('[data-testid=who]')).toContain('kiem-toan-browser');
    await page.click('header >> text=Đăng xuất');
    await page.waitForSelector('form.sign-in', WAIT);

    await page.goto(admin.link);
    await page.waitForSelector('[data-testid=who]', WAIT);
    expect(await text('[data-testid=who]')).toContain('kiem-toan-browser');
    expect(page.url()).not.toContain('token='); // moved out of the address bar
  }, 300_000);

  it('shows the Hải Phòng figures at a glance: 56,87% against 72% and 8,93% against 32%', async () => {
    await page.goto(`${world.baseUrl}/${DASHBOARD}`);
    await page.waitForSelector('[data-testid=rate-cases]', WAIT);
    expect(await text('[data-testid=rate-cases]')).toBe('56,87%');
    expect(await text('[data-testid=rate-money]')).toBe('8,93%');
    expect(await text('[data-testid=gap-cases]')).toBe('−15,13');
    expect(await text('[data-testid=gap-money]')).toBe('−23,07');
    expect(await text('[data-testid=completed-cases]')).toBe('4.936');
    expect(await text('[data-testid=enforceable-cases]')).toBe('8.680');
    expect(await text('[data-testid=completed-money]')).toBe('442.000.000.000 ₫');
    expect(await text('[data-testid=enforceable-money]')).toBe('4.950.000.000.000 ₫');
    expect(await text('[data-testid=card-cases]')).toContain('Chỉ tiêu 72,00%');
    expect(await text('[data-testid=card-money]')).toContain('Chỉ tiêu 32,00%');
    expect(await text('[data-testid=period-range]')).toBe('Từ ngày 01/10/2017 đến ngày 31/05/2018');
    await page.waitForSelector('svg.trend-chart circle.marker.cases', WAIT);
    expect(await page.locator('svg.trend-chart circle.marker.cases').count()).toBe(8); // 10/2017 … 05/2018
    expect(await page.locator('svg.trend-chart circle.marker.closed').count()).toBe(0); // nothing closed yet
    expect(await page.locator('section.branches tbody tr').count()).toBe(15); // the Cục's own row and 14 Chi cục
    await check('02-dashboard');
  }, 300_000);

  it('ranks the branches by money as well as by cases', async () => {
    const ranked = async (measure: 'cases' | 'money') => {
      await page.waitForSelector(`section.branches[data-rank=${measure}]`, WAIT);
      const rates = await page.$$eval(`section.branches tbody tr td[data-measure=${measure}]`, (cells) =>
        cells.slice(1).map((cell) => Number((cell.textContent ?? '').replace('%', '').replace(',', '.'))),
      ); // after the Cục's own row
      expect(rates).toHaveLength(14);
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
      return page.$$eval('section.branches tbody tr', (rows) => rows.map((row) => row.getAttribute('data-office')));
    };
    const byCases = await ranked('cases');
    await page.click('[data-testid=rank-by-money]');
    const byMoney = await ranked('money');
    expect(byMoney).not.toEqual(byCases);
    expect(await text('section.branches h2')).toContain('(tiền)');
    await check('03-dashboard-by-money');
  }, 300_000);

  it('switches to English and back', async () => {
    await page.click('header >> text=English');
    await page.waitForSelector('[data-testid=rate-cases]', WAIT);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text('main h1')).toBe('Civil judgment enforcement results');
    expect(await text('[data-testid=rate-cases]')).toBe('56.87%');
    expect(await text('[data-testid=completed-money]')).toBe('442,000,000,000 ₫');
    await check('04-dashboard-english');
    await page.click('header >> text=Tiếng Việt');
    await page.waitForSelector('header >> text=English', WAIT);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  }, 300_000);

  it('downloads the XLSX form: 4,936 / 8,680 / 56,87 in the city row under Vietnamese headings', async () => {
    await page.goto(`${world.baseUrl}/${DASHBOARD}`);
    await page.waitForSelector('[data-testid=rate-cases]', WAIT);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('text=Tải biểu XLSX')]);
    expect(download.suggestedFilename()).toBe('completion-HP-2018-05.xlsx');
    const file = join(SCREENSHOTS, 'completion-HP-2018-05.xlsx');
    await download.saveAs(file);
    const city = await readCityRow(file, 'Tổng cộng: Cục THADS TP Hải Phòng');
    expect(city.value('Giải quyết xong')).toBe(4936);
    expect(city.value('Có điều kiện thi hành')).toBe(8680);
    expect(city.value('Tỷ lệ giải quyết xong (%)')).toBe(56.87);
    expect(city.numFmt('Tỷ lệ giải quyết xong (%)')).toBe('0.00'); // shown 56,87 by a Vietnamese Excel
    expect(city.value('So với chỉ tiêu (%)')).toBe(-15.13);

    const [csv] = await Promise.all([page.waitForEvent('download', WAIT), page.click('text=Tải CSV (tiếng Việt)')]);
    const csvFile = join(SCREENSHOTS, 'completion-HP-2018-05.csv');
    await csv.saveAs(csvFile);
    const content = readFileSync(csvFile, 'utf8');
    expect(content.startsWith('\uFEFF')).toBe(true); // the byte-order mark Excel needs for "Hải Phòng"
    expect(content).toContain('Cục THADS TP Hải Phòng');
  }, 300_000);

  it('drills down from a branch to its cases and to one case', async () => {
    await page.click('section.branches >> text=Chi cục THADS quận Ngô Quyền');
    await page.waitForSelector('table.cases tbody tr', WAIT);
    await check('05-branch-cases');
    const first = page.locator('table.cases tbody tr th a').first();
    const caseId = await first.textContent();
    await first.click();
    await page.waitForSelector('section.timeline tbody tr', WAIT);
    expect(await text('h1')).toContain(caseId ?? '?');
    await page.waitForSelector('[data-testid=chain]', WAIT);
    expect(await text('[data-testid=chain]')).toContain('Toàn vẹn');
    expect(await text('section.timeline tbody')).toContain('Luật THADS 2008 Điều'); // the law named in Vietnamese
    await check('06-case');
  }, 300_000);

  it('moves the as-of control and sees the case as it stood before its settlement', async () => {
    await page.goto(`${world.baseUrl}/#/case/${settled.caseId}`);
    await page.waitForSelector('[data-testid=case-state]', WAIT);
    expect(await text('[data-testid=case-state]')).toBe('Thi hành xong');
    const dayBefore = new Date(Date.parse(`${settled.settledOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.fill('#as-of', dayBefore);
    await page.click('form.replay button[type=submit]');
    await notSettled(page);
    expect(page.url()).toContain(`asOf=${dayBefore}`);
    expect(await page.locator('section.timeline tbody tr[data-type=CaseSettled]').count()).toBe(0);
    await check('07-case-as-of');
  }, 300_000);

  it('finds a rejected command on the case', async () => {
    const refused = await api(world.baseUrl, officer.token, `/cases/${openCase}/settle`, {
      method: 'POST',
      body: JSON.stringify({}),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await auditCaughtUp(world.baseUrl, admin.token, openCase);
    await page.goto(`${world.baseUrl}/#/case/${openCase}`);
    await page.waitForSelector('[data-testid=rejections] li', WAIT);
    const rejections = await text('[data-testid=rejections]');
    expect(rejections).toContain('chv-browser');
    expect(rejections).toContain(refused.body.code);
    await check('08-case-rejected');
  }, 300_000);

  it('downloads the evidence JSON and prints the evidence report as a PDF without the controls', async () => {
    await page.goto(`${world.baseUrl}/#/case/${settled.caseId}`);
    await page.waitForSelector('[data-testid=chain]', WAIT);
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.click('[data-operation=evidence]'),
    ]);
    const evidence = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    expect(JSON.stringify(evidence)).toContain(settled.settledEventId);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('form.replay')).toBe(false);
    expect(await page.isVisible('.print-only')).toBe(true);
    const pdf = await page.pdf({
      path: join(SCREENSHOTS, `evidence-${settled.caseId}.pdf`),
      format: 'A4',
      landscape: true,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  }, 300_000);

  it('names the first broken link of a case whose stored event was altered, and marks it in the timeline', async () => {
    const altered = await alterStoredEvent(world.baseUrl, admin.token, world.dataDir);
    await page.goto(`${world.baseUrl}/#/case/${altered.caseId}`);
    await page.waitForSelector('[data-testid=chain].error', WAIT);
    expect(await text('[data-testid=chain]')).toBe(
      `✘ Chuỗi băm bị phá vỡ tại sự kiện #${altered.revision}: nội dung sự kiện không khớp với mã băm của nó (đã bị sửa) (${altered.eventId})`,
    );
    expect(await page.getAttribute('section.timeline tr.broken', 'data-event-id')).toBe(altered.eventId);
    await check('09-case-chain-broken');
  }, 300_000);

  it('shows the complaint queue: level, authority, due dates, the overdue one marked, filtered by office and status', async () => {
    complaintId = await fileOverdueComplaint(world.baseUrl, officer.token, openCase);
    await page.goto(`${world.baseUrl}/#/complaints?office=${OFFICE}&status=filed`);
    const row = page.locator('table.complaints tbody tr', { hasText: complaintId });
    await row.waitFor(WAIT);
    expect(await row.getAttribute('class')).toBe('overdue');
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([openCase, OFFICE, '1']); // case, office, level
    expect(cells[3]).toBe('Đã nhận đơn');
    expect(cells[4]).toBe('Cục trưởng Cục THADS tỉnh, thành phố'); // a district head's decision: the city decides
    expect(cells[5]).toMatch(/^\d{2}\/\d{2}\/2018$/); // acceptance due, on the working-day calendar
    expect(cells[7]).toBe('Quá hạn');
    await check('09-complaints');
    await page.selectOption('#c-status', 'decided');
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('main[aria-busy=false][data-route*="status=decided"]', WAIT);
    expect(await row.count()).toBe(0);
  }, 300_000);

  it.each(ROLES)(
    'shows %s exactly the controls the route policies allow, and the API refuses the rest',
    async (role) => {
      const screens = [
        `#/dashboard?office=${OFFICE}&period=2018-05`,
        `#/cases?office=${OFFICE}`,
        `#/case/${openCase}`,
        `#/complaints?office=${OFFICE}`,
      ];
      const ids = { caseId: openCase, complaintId, officeId: OFFICE, period: '2018-05' };
      const seen = await checkRole(world, role, screens, ids, (tab, index) => check(`10-${role}-${index + 1}`, tab));
      expect(seen.unknown).toEqual([]);
      expect(seen.shown).toEqual(seen.expected);
      expect(seen.notRefused).toEqual([]);
      expect(seen.denied).toBeGreaterThan(0);
    },
    300_000,
  );

  it('marks closed months on the dashboard once October to April are closed', async () => {
    await closeUpToApril(world.baseUrl, admin.token);
    await page.goto(`${world.baseUrl}/#/dashboard?office=HP&period=2018-04`);
    await page.waitForSelector('svg.trend-chart circle.marker.cases', WAIT);
    expect(await text('section.summary .badge')).toBe('Đã khóa sổ');
    expect(await page.locator('svg.trend-chart circle.marker.cases.closed').count()).toBe(7); // 10/2017 … 04/2018
    await check('11-dashboard-closed');
  }, 300_000);

  it('sends a correction with a preview, explains a refusal in plain words, and the dashboard moves', async () => {
    await page.goto(`${world.baseUrl}/#/case/${settled.caseId}`);
    await page.waitForSelector('form.correction', WAIT);
    // Refused: a collection corrected below what was paid out.
    await page.selectOption('#corr-event', settled.collectedEventId);
    await page.fill('#corr-data', '{"amount": "1"}');
    await page.fill('#corr-reason', 'Biên lai ghi sai số tiền');
    await page.click('form.correction button[type=submit]');
    await page.waitForSelector('[data-testid=corr-changes]', WAIT);
    expect(await text('[data-testid=corr-changes]')).toMatch(/amount: ".*" → "1"/);
    await page.click('text=Gửi lệnh đính chính');
    await page.waitForSelector('[data-testid=corr-refused]', WAIT);
    expect(await text('[data-testid=corr-refused]')).toMatch(/Hệ thống từ chối: .+ \(CORRECTION_BREAKS_/);
    await check('12-correction-refused');

    // Accepted: the settlement retracted outright.
    await page.selectOption('#corr-event', settled.settledEventId);
    await page.fill('#corr-data', '');
    await page.fill('#corr-reason', 'Quyết định thi hành xong lập nhầm hồ sơ');
    await page.click('form.correction button[type=submit]');
    await page.waitForSelector('[data-testid=corr-retracts]', WAIT);
    expect(await text('[data-testid=corr-retracts]')).toContain('CaseSettled');
    await check('13-correction-preview');
    const beforeCorrection = Date.now();
    await page.click('text=Gửi lệnh đính chính');
    await page.waitForSelector('.preview .ok', WAIT);

    // As known just before the correction was recorded, the case was still settled; as known now, it is not.
    await page.click('text=Xem lại diễn biến của việc');
    await notSettled(page);
    const vietnamTime = new Date(beforeCorrection + 7 * 3_600_000).toISOString().slice(0, 19); // seconds cut: earlier
    await page.fill('#as-known-at', vietnamTime);
    await page.click('form.replay button[type=submit]');
    await page.waitForSelector('main[aria-busy=false][data-route*="asKnownAt="]', WAIT);
    expect(await text('[data-testid=case-state]')).toBe('Thi hành xong');
    await check('14-case-as-known-before-correction');

    // April is closed: May carries the retraction as an adjustment to April, and its cumulative figures include it.
    await page.goto(`${world.baseUrl}/${DASHBOARD}`);
    await page.waitForSelector('[data-testid=rate-cases]', WAIT);
    expect(await text('[data-testid=completed-cases]')).toBe('4.935');
    expect(await text('[data-testid=rate-cases]')).toBe('56,85%'); // 4,935 / 8,680
    expect(await text('[data-testid=adjustment]')).toContain('Điều chỉnh số liệu kỳ 04/2018');
    expect(await text('[data-testid=adjustment]')).toContain('−1 việc');
    await page.waitForSelector('svg.trend-chart circle.marker.cases.adjusted', WAIT);
    const adjusted = page.locator('section.branches tbody tr', { has: page.locator('.badge.adjust') });
    expect(await adjusted.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-office')))).toEqual([OFFICE]);
    await check('15-dashboard-after-correction');
  }, 300_000);

  it('loaded nothing from another origin', () => {
    expect(foreign).toEqual([]);
  });
});
