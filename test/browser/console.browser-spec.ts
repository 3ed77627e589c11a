/**
 * The web console in a real browser: Debian's Chromium driven by playwright-core over the Hải Phòng
 * demo, seeded once through the real demo runner (browser-world.ts says how to run this elsewhere: CHROMIUM_PATH).
 * Tests run in order on one world: the correction comes last because it moves the figures the others check.
 * Every wait is on an element or an event, with generous timeouts; nothing measures time.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, startBrowserWorld, type BrowserWorld } from './browser-world';
import { api, screenshot, seriousViolations, WAIT } from './console-helpers';

const DASHBOARD = '#/dashboard?office=HP&period=2018-05';

describe('the web console, in Chromium, over the Hải Phòng demo', () => {
  let world: BrowserWorld;
  let admin: { token: string; link: string };
  let context: BrowserContext;
  let page: Page;
  /** A case of Ngô Quyền settled inside reporting year 2018, and the effective date of its settlement. */
  let settled: { caseId: string; settledOn: string; settledEventId: string; collectedEventId: string };

  beforeAll(async () => {
    world = await startBrowserWorld();
    admin = await world.signIn('admin,auditor', { sub: 'kiem-toan-browser' });
    const cases = await api(world.baseUrl, admin.token, '/cases?office=HP-NGO-QUYEN&status=settled&limit=200');
    for (const item of cases.body.items as { caseId: string; lastEffectiveDate: string }[]) {
      if (item.lastEffectiveDate < '2017-10-01') continue;
      const history = await api(world.baseUrl, admin.token, `/cases/${item.caseId}/history`);
      const steps = history.body.steps as { type: string; eventId: string; effectiveDate: string }[];
      const settle = steps.find((step) => step.type === 'CaseSettled');
      const collected = steps.find((step) => step.type === 'FundsCollected');
      if (settle && collected) {
        settled = {
          caseId: item.caseId,
          settledOn: settle.effectiveDate,
          settledEventId: settle.eventId,
          collectedEventId: collected.eventId,
        };
        break;
      }
    }
    expect(settled).toBeDefined();
    context = await world.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
  }, 1_800_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  }, 120_000);

  it('asks for a token, then signs in with the link `npm run cli -- token` prints', async () => {
    await page.goto(`${world.baseUrl}/`);
    await page.waitForSelector('form.sign-in', WAIT);
    await screenshot(page, '01-sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(admin.link);
    await page.waitForSelector('[data-testid=who]', WAIT);
    expect(await page.textContent('[data-testid=who]')).toContain('kiem-toan-browser');
    expect(page.url()).not.toContain('token='); // moved out of the address bar
  }, 300_000);

  it('shows the Hải Phòng figures at a glance: 56,87% against 72% and 8,93% against 32%', async () => {
    await page.goto(`${world.baseUrl}/${DASHBOARD}`);
    await page.waitForSelector('[data-testid=rate-cases]', WAIT);
    expect(await page.textContent('[data-testid=rate-cases]')).toBe('56,87%');
    expect(await page.textContent('[data-testid=rate-money]')).toBe('8,93%');
    expect(await page.textContent('[data-testid=gap-cases]')).toBe('−15,13');
    expect(await page.textContent('[data-testid=gap-money]')).toBe('−23,07');
    expect(await page.textContent('[data-testid=completed-cases]')).toBe('4.936');
    expect(await page.textContent('[data-testid=enforceable-cases]')).toBe('8.680');
    expect(await page.textContent('[data-testid=completed-money]')).toBe('442.000.000.000 ₫');
    expect(await page.textContent('[data-testid=card-cases]')).toContain('Chỉ tiêu 72,00%');
    await page.waitForSelector('svg.trend-chart circle.marker.cases', WAIT);
    expect(await page.locator('svg.trend-chart circle.marker.cases').count()).toBe(8); // 10/2017 … 05/2018
    expect(await page.locator('section.branches tbody tr').count()).toBe(15); // the Cục's own row and 14 Chi cục
    await screenshot(page, '02-dashboard');
    expect(await seriousViolations(page)).toEqual([]);
  }, 300_000);

  it('downloads the XLSX form: 4,936 / 8,680 / 56,87 in the city row under Vietnamese headings', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('text=Tải biểu XLSX')]);
    expect(download.suggestedFilename()).toBe('completion-HP-2018-05.xlsx');
    const file = join(SCREENSHOTS, 'completion-HP-2018-05.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Việc');
    if (!sheet) throw new Error('no sheet Việc');
    const headings = sheet.getRow(7);
    const column = (heading: string) => {
      for (let index = 1; index <= headings.cellCount; index++)
        if (headings.getCell(index).value === heading) return index;
      throw new Error(`no heading ${heading}`);
    };
    let city: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng: Cục THADS TP Hải Phòng') city = row;
    });
    if (!city) throw new Error('no city row');
    expect(city.getCell(column('Giải quyết xong')).value).toBe(4936);
    expect(city.getCell(column('Có điều kiện thi hành')).value).toBe(8680);
    const rate = city.getCell(column('Tỷ lệ giải quyết xong (%)'));
    expect(rate.value).toBe(56.87);
    expect(rate.numFmt).toBe('0.00'); // shown 56,87 by a Vietnamese Excel
    expect(city.getCell(column('So với chỉ tiêu (%)')).value).toBe(-15.13);
  }, 300_000);

  it('drills down from a branch to its cases and to one case', async () => {
    await page.click('section.branches >> text=Chi cục THADS quận Ngô Quyền');
    await page.waitForSelector('table.cases tbody tr', WAIT);
    await screenshot(page, '03-branch-cases');
    expect(await seriousViolations(page)).toEqual([]);
    const first = page.locator('table.cases tbody tr th a').first();
    const caseId = await first.textContent();
    await first.click();
    await page.waitForSelector('section.timeline tbody tr', WAIT);
    expect(await page.textContent('h1')).toContain(caseId ?? '?');
    await page.waitForSelector('[data-testid=chain]', WAIT);
    expect(await page.textContent('[data-testid=chain]')).toContain('Toàn vẹn');
  }, 300_000);

  it('moves the as-of control and sees the case as it stood before its settlement', async () => {
    await page.goto(`${world.baseUrl}/#/case/${settled.caseId}`);
    await page.waitForSelector('[data-testid=case-state]', WAIT);
    expect(await page.textContent('[data-testid=case-state]')).toBe('Thi hành xong');
    const dayBefore = new Date(Date.parse(`${settled.settledOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.fill('#as-of', dayBefore);
    await page.click('form.replay button[type=submit]');
    await page.waitForFunction(
      `document.querySelector('[data-testid=case-state]')?.textContent !== 'Thi hành xong'`,
      undefined,
      WAIT,
    );
    expect(page.url()).toContain(`asOf=${dayBefore}`);
    expect(await page.locator('section.timeline tbody tr[data-type=CaseSettled]').count()).toBe(0);
    await screenshot(page, '04-case-as-of');
    expect(await seriousViolations(page)).toEqual([]);
  }, 300_000);

  it('finds a rejected command on the case', async () => {
    const officer = await world.signIn('officer', { office: 'HP-NGO-QUYEN', sub: 'chv-browser' });
    const open = await api(world.baseUrl, admin.token, '/cases?office=HP-NGO-QUYEN&status=enforceable&limit=1');
    const caseId = open.body.items[0].caseId as string;
    const refused = await api(world.baseUrl, officer.token, `/cases/${caseId}/settle`, {
      method: 'POST',
      body: JSON.stringify({}),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await page.goto(`${world.baseUrl}/#/case/${caseId}`);
    await page.waitForSelector('[data-testid=rejections] li', WAIT);
    const text = await page.textContent('[data-testid=rejections]');
    expect(text).toContain('chv-browser');
    expect(text).toContain(refused.body.code);
    await screenshot(page, '05-case-rejected');
  }, 300_000);

  it('prints the evidence report as a PDF without the controls', async () => {
    await page.goto(`${world.baseUrl}/#/case/${settled.caseId}`);
    await page.waitForSelector('[data-testid=chain]', WAIT);
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

  it('shows the complaint queue', async () => {
    await page.goto(`${world.baseUrl}/#/complaints`);
    await page.waitForSelector('main h1', WAIT);
    await page.waitForSelector('main table, main form.filters + div > p', WAIT);
    await screenshot(page, '06-complaints');
    expect(await seriousViolations(page)).toEqual([]);
  }, 300_000);

  it('shows a role no control it lacks, and the API refuses it anyway', async () => {
    const auditor = await world.signIn('auditor', { sub: 'auditor-browser' });
    const officer = await world.signIn('officer', { office: 'HP-NGO-QUYEN', sub: 'officer-browser' });
    const other = await context.browser()!.newContext({ locale: 'vi-VN' });
    try {
      const auditorPage = await other.newPage();
      await auditorPage.goto(auditor.link);
      await auditorPage.goto(`${world.baseUrl}/#/case/${settled.caseId}`);
      await auditorPage.waitForSelector('section.timeline tbody tr', WAIT);
      expect(await auditorPage.locator('form.correction').count()).toBe(0);
      expect(await auditorPage.locator('section.timeline button').count()).toBe(0); // no "Đính chính" per step
      const correction = await api(world.baseUrl, auditor.token, `/cases/${settled.caseId}/correct-recorded-fact`, {
        method: 'POST',
        body: JSON.stringify({ eventId: settled.settledEventId, reason: 'auditors may not' }),
      });
      expect(correction).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_ROLE' } });

      await auditorPage.goto(officer.link); // the officer in the same tab
      await auditorPage.waitForSelector('[data-testid=who]', WAIT);
      expect(await auditorPage.locator('header nav a', { hasText: 'Kết quả thi hành án' }).count()).toBe(0);
      const report = await api(world.baseUrl, officer.token, '/reports/completion?office=HP-NGO-QUYEN&period=2018-05');
      expect(report).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_ROLE' } });
      await screenshot(auditorPage, '07-officer-no-statistics');
    } finally {
      await other.close();
    }
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
    expect(await page.textContent('[data-testid=corr-changes]')).toMatch(/amount: ".*" → "1"/);
    await page.click('text=Gửi lệnh đính chính');
    await page.waitForSelector('[data-testid=corr-refused]', WAIT);
    expect(await page.textContent('[data-testid=corr-refused]')).toMatch(/Hệ thống từ chối: .+ \(CORRECTION_BREAKS_/);
    await screenshot(page, '08-correction-refused');

    // Accepted: the settlement retracted outright.
    await page.selectOption('#corr-event', settled.settledEventId);
    await page.fill('#corr-data', '');
    await page.fill('#corr-reason', 'Quyết định thi hành xong lập nhầm hồ sơ');
    await page.click('form.correction button[type=submit]');
    await page.waitForSelector('[data-testid=corr-retracts]', WAIT);
    expect(await page.textContent('[data-testid=corr-retracts]')).toContain('CaseSettled');
    await screenshot(page, '09-correction-preview');
    await page.click('text=Gửi lệnh đính chính');
    await page.waitForSelector('.preview .ok', WAIT);

    await page.goto(`${world.baseUrl}/${DASHBOARD}`);
    await page.waitForSelector('[data-testid=rate-cases]', WAIT);
    expect(await page.textContent('[data-testid=completed-cases]')).toBe('4.935');
    expect(await page.textContent('[data-testid=rate-cases]')).toBe('56,85%'); // 4,935 / 8,680
    await screenshot(page, '10-dashboard-after-correction');
  }, 300_000);
});
