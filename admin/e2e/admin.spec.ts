import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, baseUrl, type Browser, DEMO, expectNoSeriousA11yViolations, gql, launchBrowser, signIn } from './browser.js';

// The admin app in a real Chromium, served by the real API on the demo data (see global-setup.ts).
// GraphQL answers are untyped (any) on purpose: the tests compare the screen with what the server sent.
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  adminToken = await apiLogin(DEMO.admin);
});
afterAll(() => browser?.close());

/** The grid's "from–to / total" line. */
const pageRange = (page: Page) => page.locator('.MuiTablePagination-displayedRows');
/** Text of one column in the rendered grid rows, top to bottom. */
const column = (page: Page, field: string) => page.locator(`[role="row"][data-id] [data-field="${field}"]`).allInnerTexts();

describe('the institute administrator', () => {
  it('signs in and pages, sorts and filters the 300 servants on the server, then opens a profile; no serious accessibility violation on the way', async () => {
    const page = await browser.page();
    await page.goto(baseUrl() + '/');
    // Not signed in: the app sends us to the login page, in Korean.
    await page.waitForURL('**/login');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await expect.poll(() => page.title()).toContain('관리자 로그인');
    await expectNoSeriousA11yViolations(page, 'login');

    await signIn(page, DEMO.admin);
    // Administrators land on the dashboard; the servants screen is one menu entry away.
    await page.waitForURL('**/dashboard');
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '공무원' }).click();
    await page.waitForURL('**/servants');
    await page.getByText('총 300명').waitFor();
    await expect.poll(() => pageRange(page).innerText()).toBe('1–25 / 전체 300');
    // The institute administrator's menu has every screen.
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    // (Other screens join the menu as they are built; these must be there.)
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['공무원', '교육 수요', '강의 목록', '수강 신청 차수']));
    await expectNoSeriousA11yViolations(page, 'servants');

    // Next page: the server's second page (keyset cursor), not a client-side slice.
    const firstPageNames = await column(page, 'employeeNumber');
    await page.getByRole('button', { name: '다음 페이지로 이동' }).click();
    await expect.poll(() => pageRange(page).innerText()).toBe('26–50 / 전체 300');
    const secondPage = await gql<{ servants: { edges: { node: { employeeNumber: string } }[] } }>(
      `query($after: String) { servants(first: 25, after: $after) { edges { node { employeeNumber } } } }`,
      { after: (await gql<any>(`{ servants(first: 25) { pageInfo { endCursor } } }`, {}, adminToken)).servants.pageInfo.endCursor },
      adminToken,
    );
    await expect.poll(async () => (await column(page, 'employeeNumber'))[0]).toBe(secondPage.servants.edges[0].node.employeeNumber);
    expect((await column(page, 'employeeNumber'))[0]).not.toBe(firstPageNames[0]);

    // Sorting by grade, highest number first, is done by the server (orderBy) and goes back to page 1.
    const byGradeDesc = await gql<any>(`{ servants(first: 1, orderBy: { field: GRADE, direction: DESC }) { edges { node { grade } } } }`, {}, adminToken);
    await page.getByRole('columnheader', { name: '급수' }).click(); // ascending
    await page.getByRole('columnheader', { name: '급수' }).click(); // descending
    await expect.poll(() => pageRange(page).innerText()).toBe('1–25 / 전체 300');
    await expect.poll(async () => (await column(page, 'grade'))[0]).toBe(`${byGradeDesc.servants.edges[0].node.grade}급`);

    // Filtering by job series: the count is the server's.
    const itSeries = await gql<any>(`{ servants(filter: { jobSeries: "전산" }) { totalCount } }`, {}, adminToken);
    await page.getByRole('textbox', { name: '직렬' }).fill('전산');
    await page.getByText(`총 ${itSeries.servants.totalCount}명`).waitFor();
    expect(new Set(await column(page, 'jobSeries'))).toEqual(new Set(['전산']));

    // The profile of the first servant listed: work history, education, interests.
    const name = (await column(page, 'name'))[0];
    await page.getByRole('link', { name: `${name} 상세 정보` }).click();
    await page.waitForURL('**/servants/*');
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    for (const section of ['기본 정보', '근무 이력', '교육 이력', '관심 분야와 취미']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    // The heading takes the focus after the navigation (screen readers start there).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoSeriousA11yViolations(page, 'profile');
    await page.close();
  });
});

describe('the 수원시 organisation administrator', () => {
  it('sees only 수원시 servants and no institute-only menu or screen', async () => {
    const suwon = await gql<any>(`{ servants { totalCount } }`, {}, await apiLogin(DEMO.suwonAdmin));
    expect(suwon.servants.totalCount).toBeGreaterThan(0);
    expect(suwon.servants.totalCount).toBeLessThan(300);

    const page = await browser.page();
    await signIn(page, DEMO.suwonAdmin);
    await page.waitForURL('**/dashboard');
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '공무원' }).click();
    await page.waitForURL('**/servants');
    await page.getByText(`총 ${suwon.servants.totalCount}명`).waitFor();
    await expect.poll(async () => new Set(await column(page, 'organization'))).toEqual(new Set(['수원시']));
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    const entries = await nav.getByRole('link').allInnerTexts();
    expect(entries).toEqual(expect.arrayContaining(['공무원', '교육 수요', '강의 목록']));
    expect(entries).not.toContain('수강 신청 차수');
    // Typing the address of an institute screen does not open it either.
    await page.goto(`${baseUrl()}/rounds`);
    await page.getByRole('heading', { level: 1, name: '이 화면을 볼 권한이 없습니다.' }).waitFor();
    await page.close();
  });
});

describe('signing in', () => {
  it('shows a wrong password as a Korean error next to the password field', async () => {
    const page = await browser.page();
    await page.goto(`${baseUrl()}/login`);
    // The reporter's account: a failure counts toward its lock-out, not the administrator's.
    await page.getByLabel('이메일').fill(DEMO.reporter);
    await page.getByLabel('비밀번호').fill('wrong-password');
    await page.getByRole('button', { name: '로그인' }).click();
    const password = page.getByLabel('비밀번호');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description (read out with it) and the field has the focus.
    const describedBy = await password.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    expect(await page.getByLabel('이메일').getAttribute('aria-invalid')).toBe('false');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });

  it('switches to English and back; the choice sets the document language', async () => {
    const page = await browser.page();
    await page.goto(`${baseUrl()}/login`);
    await page.getByRole('combobox', { name: '언어' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: '한국어' }).click();
    await page.getByRole('button', { name: '로그인' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.close();
  });

  it('works with the keyboard alone', async () => {
    const page = await browser.page();
    await page.goto(`${baseUrl()}/login`);
    // The e-mail field has the focus on arrival; Tab moves to the password, Enter submits.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    await page.keyboard.type(DEMO.admin);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.type('kok-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('대시보드');
    // Shift+Tab from the page heading reaches the menu: the rounds screen opens with Enter.
    const roundsLink = page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '수강 신청 차수' });
    for (let i = 0; i < 12 && !(await roundsLink.evaluate((el: Element) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/rounds');
    await page.getByRole('heading', { level: 1, name: '수강 신청 차수' }).waitFor();
    await page.close();
  });
});

describe('rounds', () => {
  it('show a registration made through the API on screen at once, without reloading', async () => {
    // A round open now, with one offering in a later month (the API's rules: one round a month,
    // lectures in the round's month after registration closes).
    const now = Date.now();
    let round: { id: string; month: string } | null = null;
    for (let ahead = 2; !round && ahead < 26; ahead++) {
      const d = new Date(now + 9 * 3600_000); // Korea time
      const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + ahead, 1));
      const month = `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
      const r = await gql<any>(
        `mutation($input: EnrollmentRoundCreateInput!) { enrollmentRoundCreate(input: $input) { round { id month } userErrors { code message } } }`,
        { input: { month, opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 3 * 86400_000).toISOString() } },
        adminToken,
      );
      if (r.enrollmentRoundCreate.round) round = r.enrollmentRoundCreate.round;
      else expect(r.enrollmentRoundCreate.userErrors[0].code).toBe('ROUND_EXISTS');
    }
    expect(round).not.toBeNull();
    // A one-hour, in-person course of our own, through the catalogue's mutation.
    const categories = await gql<any>(`{ categories { id } }`, {}, adminToken);
    const course = await gql<any>(
      `mutation($input: CourseCreateInput!) { courseCreate(input: $input) { course { id } userErrors { code field message } } }`,
      { input: { categoryId: categories.categories[0].id, title: `관리자 화면 시험 강의 ${round!.month}`, format: 'IN_PERSON', lengthMinutes: 60 } },
      adminToken,
    );
    expect(course.courseCreate.userErrors).toEqual([]);
    const startsAt = new Date(`${round!.month}-10T10:00:00+09:00`);
    const offering = await gql<any>(
      `mutation($input: CourseOfferingCreateInput!) { courseOfferingCreate(input: $input) { offering { id } userErrors { code field message } } }`,
      {
        input: {
          roundId: round!.id,
          courseId: course.courseCreate.course.id,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          capacity: 30,
          place: 'E2E 시험 강의실 301호',
          instructorName: '시험 강사',
        },
      },
      adminToken,
    );
    expect(offering.courseOfferingCreate.userErrors).toEqual([]);
    const opened = await gql<any>(`mutation($id: ID!) { enrollmentRoundOpen(input: { roundId: $id }) { round { status } userErrors { code message } } }`, { id: round!.id }, adminToken);
    expect(opened.enrollmentRoundOpen.userErrors).toEqual([]);

    const page = await browser.page();
    await signIn(page, DEMO.admin);
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '수강 신청 차수' }).click();
    await page.waitForURL('**/rounds');
    const row = page.getByRole('row').filter({ hasText: 'E2E 시험 강의실 301호' });
    await expect.poll(() => row.innerText()).toContain('0 / 30명');
    expect(await row.innerText()).toContain('폐강 예정 (최소 인원 미달)');
    await page.getByText('● 실시간 연결됨').waitFor();
    await expectNoSeriousA11yViolations(page, 'rounds');
    // Marks this document: a reload would lose the mark.
    await page.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));
    await page.waitForTimeout(500); // let the server finish setting up the subscription

    const servant = await apiLogin(DEMO.servantSuwon);
    const enrolled = await gql<any>(`mutation($id: ID!) { enrollmentCreate(input: { offeringId: $id }) { enrollment { status } userErrors { code message } } }`, { id: offering.courseOfferingCreate.offering.id }, servant);
    expect(enrolled.enrollmentCreate).toEqual({ enrollment: { status: 'REGISTERED' }, userErrors: [] });

    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('1 / 30명');
    expect(await page.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark)).toBe(1);
    await page.close();
  });
});
