import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, baseUrl, type Browser, DEMO, DEMO_PASSWORD, expectNoSeriousA11yViolations, gql, launchBrowser } from './browser.js';

// Closing a round with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape; no mouse), from
// the sign-in to the outcome, in a real Chromium against the real API. The round is prepared
// through the API in a month no other test file uses (month.spec starts 14 months ahead,
// admin.spec 2 months ahead and stops before 26).
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  adminToken = await apiLogin(DEMO.admin);
});
afterAll(() => browser?.close());

const monthAhead = (ahead: number) => {
  const k = new Date(Date.now() + 9 * 3600_000); // Korea time
  return new Date(Date.UTC(k.getUTCFullYear(), k.getUTCMonth() + ahead, 1)).toISOString().slice(0, 7);
};
const isFocused = (l: Locator) => l.evaluate((el: Element) => el === document.activeElement);
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

/** Presses `key` until `target` has the focus (at most `max` times); fails otherwise. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', max = 150) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  expect(await isFocused(target), `not reached with ${key}; focus on "${await focusedName(page)}"`).toBe(true);
}

describe('closing a round with the keyboard alone', () => {
  it('the institute administrator reaches the close button with Tab, cancels with Escape, confirms, and hears the outcome', async () => {
    // An open round with two offerings: one with enough registrations (minimum 1), one without.
    const now = Date.now();
    let round: { id: string; month: string } | null = null;
    for (let ahead = 30; !round && ahead < 60; ahead++) {
      const r = await gql<any>(
        `mutation($input: EnrollmentRoundCreateInput!) { enrollmentRoundCreate(input: $input) { round { id month } userErrors { code message } } }`,
        { input: { month: monthAhead(ahead), opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 3 * 86400_000).toISOString() } },
        adminToken,
      );
      if (r.enrollmentRoundCreate.round) round = r.enrollmentRoundCreate.round;
      else expect(r.enrollmentRoundCreate.userErrors[0].code).toBe('ROUND_EXISTS');
    }
    expect(round).not.toBeNull();
    const { id: roundId, month } = round!;
    // Two one-hour, in-person courses of our own (no other test registers anyone for them).
    const categories = await gql<any>(`{ categories { id } }`, {}, adminToken);
    const courses: { id: string; lengthMinutes: number }[] = [];
    for (const n of [1, 2]) {
      const c = await gql<any>(
        `mutation($input: CourseCreateInput!) { courseCreate(input: $input) { course { id lengthMinutes } userErrors { code field message } } }`,
        { input: { categoryId: categories.categories[0].id, title: `키보드 마감 시험 강의 ${month} ${n}`, format: 'IN_PERSON', lengthMinutes: 60 } },
        adminToken,
      );
      expect(c.courseCreate.userErrors).toEqual([]);
      courses.push(c.courseCreate.course);
    }
    const offeringIds: string[] = [];
    for (const [i, course] of courses.entries()) {
      const startsAt = new Date(`${month}-${String(10 + i).padStart(2, '0')}T10:00:00+09:00`);
      const r = await gql<any>(
        `mutation($input: CourseOfferingCreateInput!) { courseOfferingCreate(input: $input) { offering { id } userErrors { code field message } } }`,
        {
          input: {
            roundId,
            courseId: course.id,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + course.lengthMinutes * 60_000).toISOString(),
            capacity: 20,
            place: `E2E 키보드 강의실 ${month}-${i}`,
            instructorName: '시험 강사',
            ...(i === 0 ? { minimumRegistrants: 1 } : {}),
          },
        },
        adminToken,
      );
      expect(r.courseOfferingCreate.userErrors).toEqual([]);
      offeringIds.push(r.courseOfferingCreate.offering.id);
    }
    const opened = await gql<any>(`mutation($id: ID!) { enrollmentRoundOpen(input: { roundId: $id }) { userErrors { code message } } }`, { id: roundId }, adminToken);
    expect(opened.enrollmentRoundOpen.userErrors).toEqual([]);
    const servant = await apiLogin('gg000003@demo.kok.go.kr', DEMO_PASSWORD);
    const enrolled = await gql<any>(`mutation($id: ID!) { enrollmentCreate(input: { offeringId: $id }) { enrollment { status } userErrors { code message } } }`, { id: offeringIds[0] }, servant);
    expect(enrolled.enrollmentCreate).toEqual({ enrollment: { status: 'REGISTERED' }, userErrors: [] });

    const page = await browser.page();
    // Sign in: the e-mail field has the focus on arrival; Tab to the password, Enter submits.
    await page.goto(`${baseUrl()}/login`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    await page.keyboard.type(DEMO.admin);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard');

    // The page heading has the focus; Shift+Tab back to the menu, Enter opens the rounds screen.
    const roundsLink = page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '수강 신청 차수' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo(page, roundsLink, 'Shift+Tab', 20);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/rounds');
    const h1 = page.getByRole('heading', { level: 1, name: '수강 신청 차수' });
    await expect.poll(() => isFocused(h1)).toBe(true);

    // Tab forward to the round's close button (rounds are listed newest month first).
    const section = page.getByRole('region', { name: `${month} 차수` });
    await section.getByText('신청 중', { exact: true }).first().waitFor();
    const closeButton = section.getByRole('button', { name: `${month} 차수 신청 마감` });
    await tabTo(page, closeButton, 'Tab');

    // Enter opens the confirmation; its safe choice (cancel) has the focus; Escape cancels and
    // gives the focus back to the close button; nothing changed.
    const confirm = page.getByRole('alertdialog', { name: `${month} 차수 신청을 지금 마감할까요?` });
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await expect.poll(() => isFocused(confirm.getByRole('button', { name: '취소' }))).toBe(true);
    // (Scanned once its fade-in is over: half-transparent text would be reported as low contrast.)
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.MuiDialog-container')).every((el) => getComputedStyle(el).opacity === '1'));
    await expectNoSeriousA11yViolations(page, 'close confirmation');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(closeButton)).toBe(true);
    expect(await section.innerText()).toContain('신청 중');

    // Space opens it again; Tab moves to the confirming button (the focus stays in the dialog:
    // Shift+Tab goes back to cancel); Space confirms.
    await page.keyboard.press('Space');
    await confirm.waitFor();
    await expect.poll(() => isFocused(confirm.getByRole('button', { name: '취소' }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(confirm.getByRole('button', { name: '신청 마감' }))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(confirm.getByRole('button', { name: '취소' }))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await confirm.waitFor({ state: 'detached' });

    // The outcome: one offering confirmed with its registrant, the other discontinued.
    await section.getByText('마감 결과: 개설 1개, 폐강 1개, 확정 1명, 폐강 안내 0명').waitFor();
    await page.getByRole('status').filter({ hasText: `${month} 차수 신청을 마감했습니다.` }).waitFor();
    // The close button is gone; the focus is not lost on the page body but on the round's heading,
    // right above the outcome, so the keyboard user continues from there.
    expect(await closeButton.count()).toBe(0);
    const roundHeading = section.getByRole('heading', { level: 2, name: `${month} 차수` });
    await expect.poll(() => isFocused(roundHeading)).toBe(true);
    await expectNoSeriousA11yViolations(page, 'rounds after closing with the keyboard');

    const after = await gql<any>(`query($id: ID!) { node(id: $id) { ... on EnrollmentRound { status } } }`, { id: roundId }, adminToken);
    expect(after.node.status).toBe('CLOSED');
    await page.close();
  });
});
