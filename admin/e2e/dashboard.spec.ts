import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardPeriod } from '../src/routes/dashboard/dashboard-period.js';
import { apiLogin, type Browser, DEMO, expectNoSeriousA11yViolations, gql, launchBrowser, signIn } from './browser.js';

// The dashboard (reporters' and administrators' landing page) and the access-log screen, in a
// real Chromium against the real API on the demo data. Other files share the API and may add
// requests or registrations meanwhile, so figures are compared with a fresh API answer after a
// reload, a few times if needed.
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(() => browser?.close());

const REPORTS = `query($month: String!, $year: Int!, $from: LocalDate!, $to: LocalDate!) {
  demandFunnel(month: $month) { requests demands plannedCourses confirmedOfferings discontinuedOfferings }
  participationByOrganization(year: $year) { rows { organizationName } total { servants participants } }
  creditsByCategoryAndOrganization(from: $from, to: $to) { byCategory { categoryName } total { credits servants } }
  mandatoryOverdueByOrganization(year: $year) { rows { organizationName } total { servants overdueServants overdueItems } } }`;

const n = (x: number | string) => new Intl.NumberFormat('ko-KR').format(Number(x));

/** The summaries the screen must show for the API's figures (the Korean texts of i18n/ko.ts). */
function expectedSummaries(r: any) {
  const f = r.demandFunnel;
  const p = r.participationByOrganization.total;
  const c = r.creditsByCategoryAndOrganization.total;
  const o = r.mandatoryOverdueByOrganization.total;
  const rate = p.servants ? Math.round((p.participants / p.servants) * 1000) / 10 : 0;
  return {
    funnel: `교육 요청 ${f.requests}건 → 수요 ${f.demands}건 → 계획된 과정 ${f.plannedCourses}개 → 확정 ${f.confirmedOfferings}개 / 폐강 ${f.discontinuedOfferings}개`,
    participation: `공무원 ${n(p.servants)}명 중 ${n(p.participants)}명이 강의를 1개 이상 이수했습니다 (${rate}%).`,
    credits: `이번 달 ${n(c.servants)}명이 ${n(c.credits)}학점을 취득했습니다.`,
    overdue: `공무원 ${n(o.servants)}명 중 ${n(o.overdueServants)}명이 기한이 지난 의무교육이 있습니다 (모두 ${n(o.overdueItems)}건).`,
  };
}

async function shownSummaries(page: Page) {
  const text = (id: string) => page.getByTestId(`${id}-summary`).innerText();
  return { funnel: await text('dashboard-funnel'), participation: await text('dashboard-participation'), credits: await text('dashboard-credits'), overdue: await text('dashboard-overdue') };
}

describe('the dashboard', () => {
  it('is the reporter\'s landing page, shows the API\'s figures, has a table for every chart, and passes axe', async () => {
    const token = await apiLogin(DEMO.reporter);
    const period = dashboardPeriod(new Date());
    const page = await browser.page();
    await signIn(page, DEMO.reporter);
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { level: 1, name: '대시보드' }).waitFor();
    await page.getByTestId('dashboard-funnel-summary').waitFor();

    let api: any = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      api = await gql<any>(REPORTS, { ...period }, token);
      const shown = await shownSummaries(page);
      if (JSON.stringify(shown) === JSON.stringify(expectedSummaries(api))) break;
      await page.reload();
      await page.getByTestId('dashboard-funnel-summary').waitFor();
    }
    expect(await shownSummaries(page)).toEqual(expectedSummaries(api));

    // The current round: its status written out, days left, registrations / seats.
    const current = await gql<any>(`{ currentEnrollmentRound { month status offerings(first: 100) { edges { node { registrantCount capacity } } } } }`, {}, token);
    if (current.currentEnrollmentRound) {
      expect(await page.getByTestId('round-month').innerText()).toBe(current.currentEnrollmentRound.month);
      expect(await page.getByTestId('round-status').innerText()).toBe({ DRAFT: '준비 중', OPEN: '신청 중', CLOSED: '마감' }[current.currentEnrollmentRound.status as string]);
      await page.getByTestId('round-days-left').waitFor();
    }

    // Every chart is one labelled image, and a button shows the same figures as a table.
    const sections = [
      ['dashboard-funnel', 5],
      ['dashboard-participation', api.participationByOrganization.rows.length],
      ['dashboard-credits', api.creditsByCategoryAndOrganization.byCategory.length],
      ['dashboard-overdue', api.mandatoryOverdueByOrganization.rows.length],
    ] as const;
    for (const [id, rows] of sections) {
      const section = page.getByTestId(id);
      expect(await section.getByRole('img').first().getAttribute('aria-label')).toBeTruthy();
      const toggle = section.getByRole('button', { name: '표로 보기' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await section.getByRole('button', { name: '표 닫기' }).getAttribute('aria-expanded')).toBe('true');
      const table = section.getByRole('table');
      await table.waitFor();
      // Header row + one row per figure.
      expect(await table.getByRole('row').count()).toBe(rows + 1);
    }
    // The participation table lists the cities and counties of the API, in its order.
    const participationRows = page.getByTestId('dashboard-participation').getByRole('table').getByRole('rowheader');
    expect(await participationRows.allInnerTexts()).toEqual(api.participationByOrganization.rows.map((r: any) => r.organizationName));
    // The reporter's menu: the dashboard and the statistics-only screens; no personal data.
    const entries = await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link').allInnerTexts();
    expect(entries).toContain('대시보드');
    expect(entries).not.toContain('공무원');
    expect(entries).not.toContain('개인정보 접근 기록');
    await expectNoSeriousA11yViolations(page, 'dashboard');
    await page.close();
  });
});

describe('the access log', () => {
  it('the institute administrator filters it and exports it with a required reason, and the export is recorded', async () => {
    const token = await apiLogin(DEMO.admin);
    // A read of someone's profile, so that the log certainly has a READ_PROFILE entry.
    const someone = await gql<any>(`{ servants(first: 1) { edges { node { id name } } } }`, {}, token);
    expect(someone.servants.edges).toHaveLength(1);
    const page = await browser.page();
    await signIn(page, DEMO.admin);
    await page.waitForURL('**/dashboard');
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '개인정보 접근 기록' }).click();
    await page.waitForURL('**/access-log');
    await page.getByRole('heading', { level: 1, name: '개인정보 접근 기록' }).waitFor();
    await page.getByTestId('access-log-table').waitFor();

    // Filter by action: every listed entry is a profile read.
    await page.getByLabel('행위').click();
    await page.getByRole('option', { name: '인적사항 조회' }).click();
    await page.locator('li[data-value="READ_PROFILE"]').waitFor({ state: 'detached' });
    await expect.poll(async () => new Set(await page.getByTestId('access-log-table').locator('tbody tr td:nth-child(4)').allInnerTexts())).toEqual(new Set(['인적사항 조회']));
    await expectNoSeriousA11yViolations(page, 'access-log');

    // Export: the reason is required; the dialog says so next to the field.
    await page.getByRole('button', { name: '기록 내려받기' }).click();
    const dialog = page.getByRole('dialog', { name: '접근 기록 내려받기' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '내려받기' }).click();
    await dialog.getByText('내려받는 사유를 입력해 주세요.').waitFor();
    await expectNoSeriousA11yViolations(page, 'access-log export dialog');
    const reason = `E2E 분기 점검 ${Date.now()}`;
    await dialog.getByLabel('내려받는 사유').fill(reason);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '내려받기' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^개인정보접근기록-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByText('내려받았습니다. 이 내려받기도 접근 기록에 남았습니다.').waitFor();

    // The export is recorded with its reason (the API's own view of the log).
    const log = await gql<any>(
      `{ personalDataAccessLog(first: 5, filter: { action: "EXPORT_ACCESS_LOG" }) { edges { node { reason actor { email } } } } }`,
      {},
      token,
    );
    expect(log.personalDataAccessLog.edges.map((e: any) => e.node)).toContainEqual({ reason, actor: { email: DEMO.admin } });
    await page.close();
  });

  it('is not offered to an organisation administrator', async () => {
    const page = await browser.page();
    await signIn(page, DEMO.suwonAdmin);
    await page.waitForURL('**/dashboard');
    const links = page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link');
    await links.first().waitFor();
    const entries = await links.allInnerTexts();
    expect(entries).toContain('대시보드');
    expect(entries).not.toContain('개인정보 접근 기록');
    await page.close();
  });
});
