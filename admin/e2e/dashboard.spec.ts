import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardPeriod } from '../src/routes/dashboard/dashboard-period.js';
import { apiLogin, type Browser, DEMO, expectNoSeriousA11yViolations, gql, launchBrowser, signIn } from './browser.js';
import { openRoundWithOffering, recordSockets, register, registerUntilShown, SERVANT_EMAILS, subscribeMessages } from './live.js';

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
    // Other files open rounds meanwhile (a round opened between the API's answer and the screen's
    // load changes which one is current): compare again after a reload when they differ.
    let current: any = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      current = await gql<any>(`{ currentEnrollmentRound { month status } }`, {}, token);
      const shown = current.currentEnrollmentRound ? await page.getByTestId('round-month').innerText() : null;
      if (shown === (current.currentEnrollmentRound?.month ?? null)) break;
      await page.reload();
      await page.getByTestId('dashboard-funnel-summary').waitFor();
    }
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

  // Runs after the test above (tests of a file run one after another), whose comparison of the
  // current round with the API a round opening meanwhile would disturb.
  it('shows the current round\'s registrations arriving live, without reloading', async () => {
    // The API's current round is the open round of the earliest month. Other files open rounds
    // two or more months ahead, so next month's round, open, is the current one whatever they do;
    // no other file uses next month. (Registration windows must include now and lectures start
    // after registration closes, so no round can be open for an earlier month than this one.)
    const adminToken = await apiLogin(DEMO.admin);
    const round = await openRoundWithOffering(adminToken, [1], `E2E 대시보드 시험 강의실 ${Date.now()}`);
    expect(round, 'next month already has a round: another test uses the month this one relies on').not.toBeNull();
    const { roundId, month, offeringId, capacity } = round!;
    const current = await gql<any>(`{ currentEnrollmentRound { id } }`, {}, adminToken);
    expect(current.currentEnrollmentRound.id, 'the round opened for next month is not the current one: an earlier round is open').toBe(roundId);

    const page = await browser.page();
    const ws = recordSockets(page);
    await signIn(page, DEMO.admin);
    await page.waitForURL('**/dashboard');
    const section = page.getByTestId('dashboard-round');
    await section.getByRole('heading', { level: 2, name: '현재 수강 신청 차수' }).waitFor();
    expect(await page.getByTestId('round-month').innerText()).toBe(month);
    expect(await page.getByTestId('round-status').innerText()).toBe('신청 중');
    expect(await page.getByTestId('round-days-left').innerText()).toMatch(/^\d+일 \(/);
    const registrations = page.getByTestId('round-registrations');
    expect(await registrations.innerText()).toBe(`0명 / ${capacity}석`);
    // A polite live region: a screen reader hears the new total.
    expect(await registrations.getAttribute('aria-live')).toBe('polite');
    const updated = section.locator('dt:text-is("마지막 실시간 갱신") + dd');
    expect(await updated.innerText()).toBe('새 신청을 기다리는 중');
    await page.getByText('● 실시간 연결됨').waitFor();
    // The page subscribed to this round's counts.
    await expect
      .poll(() => ws.sockets.flatMap((s) => subscribeMessages(s.sent)).some((m) => m.payload.query.includes('enrollmentCountChanged') && m.payload.variables?.roundId === roundId))
      .toBe(true);
    await page.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));

    // Servants register through the API; the total changes on screen by itself.
    const used = await registerUntilShown(SERVANT_EMAILS.slice(0, 3), offeringId, adminToken, () => registrations.innerText(), (count) => `${count}명 / ${capacity}석`);
    await register(SERVANT_EMAILS[used], offeringId);
    await expect.poll(() => registrations.innerText(), { timeout: 10_000 }).toBe(`${used + 1}명 / ${capacity}석`);
    // The change came as a live event (the time of the last one is shown), and the page was not reloaded.
    expect(await updated.innerText()).not.toBe('새 신청을 기다리는 중');
    expect(await page.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark)).toBe(1);
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
