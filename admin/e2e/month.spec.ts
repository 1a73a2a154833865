import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, baseUrl, type Browser, DEMO, DEMO_PASSWORD, expectNoSeriousA11yViolations, gql, launchBrowser, signIn } from './browser.js';

// The month in the admin app: demand board, catalogue and rounds in a real Chromium against the
// real API on the demo data (see global-setup.ts). GraphQL answers are untyped (any) on purpose:
// the tests compare the screen with what the server sent.
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  adminToken = await apiLogin(DEMO.admin);
});
afterAll(() => browser?.close());

const nav = (page: Page) => page.getByRole('navigation', { name: '주 메뉴' });
/** `YYYY-MM-DDTHH:mm` in Korea time, as a datetime-local field takes it. */
const kstLocal = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 16);
const monthAhead = (ahead: number) => {
  const k = new Date(Date.now() + 9 * 3600_000);
  return new Date(Date.UTC(k.getUTCFullYear(), k.getUTCMonth() + ahead, 1)).toISOString().slice(0, 7);
};
const isFocused = (l: Locator) => l.evaluate((el: Element) => el === document.activeElement);

async function chooseCourse(dialog: Locator, page: Page, title: string) {
  const combo = dialog.getByRole('combobox', { name: '강의' });
  await combo.fill(title);
  await page.getByRole('option', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
}

describe('the month in the admin app', () => {
  it('the institute administrator creates a round and two offerings, registrations arrive live, and closing confirms one and discontinues the other', async () => {
    // Two in-person demo courses to schedule.
    const courses = (await gql<any>(`{ courses(first: 2, filter: { format: IN_PERSON }) { edges { node { id title lengthMinutes } } } }`, {}, adminToken)).courses.edges.map((e: any) => e.node);
    expect(courses).toHaveLength(2);
    // A month no other test uses: far ahead, and the first one without a round.
    const taken = new Set((await gql<any>(`{ enrollmentRounds(first: 100) { edges { node { month } } } }`, {}, adminToken)).enrollmentRounds.edges.map((e: any) => e.node.month));
    let ahead = 14;
    while (taken.has(monthAhead(ahead))) ahead++;

    const page = await browser.page();
    await signIn(page, DEMO.admin);
    await nav(page).getByRole('link', { name: '수강 신청 차수' }).click();
    await page.getByRole('heading', { level: 1, name: '수강 신청 차수' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'rounds');

    // 1. The month's round, through the create dialog (registration open from now for two days).
    let month = '';
    for (let attempt = 0; attempt < 5 && !month; attempt++, ahead++) {
      const candidate = monthAhead(ahead);
      await page.getByRole('button', { name: '새 차수 만들기' }).click();
      const dialog = page.getByRole('dialog', { name: '이달의 차수 만들기' });
      // The first field has the focus when the dialog opens.
      await expect.poll(() => isFocused(dialog.getByLabel('강의 월'))).toBe(true);
      await dialog.getByLabel('강의 월').fill(candidate);
      await dialog.getByLabel('신청 시작').fill(kstLocal(Date.now() - 5 * 60_000));
      await dialog.getByLabel('신청 마감').fill(kstLocal(Date.now() + 2 * 86400_000));
      await dialog.getByRole('button', { name: '새 차수 만들기' }).click();
      const outcome = await Promise.race([
        dialog.waitFor({ state: 'detached' }).then(() => 'created' as const),
        dialog.getByLabel('강의 월').and(page.locator('[aria-invalid="true"]')).waitFor().then(() => 'taken' as const),
      ]);
      if (outcome === 'created') month = candidate;
      else await dialog.getByRole('button', { name: '취소' }).click(); // taken meanwhile by another test
    }
    expect(month).not.toBe('');
    const section = page.getByRole('region', { name: `${month} 차수` });
    await section.getByText('준비 중').waitFor();

    // 2. Two offerings in the same room, overlapping: the second gets a warning, not a block.
    const place = `E2E 월간 강의실 ${month}`;
    const addOffering = async (course: { title: string }, time: string, minimum: string | null, expectWarning: boolean) => {
      await section.getByRole('button', { name: `${month} 차수에 강의 추가` }).click();
      const dialog = page.getByRole('dialog', { name: `${month} 차수에 강의 추가` });
      await chooseCourse(dialog, page, course.title);
      await dialog.getByLabel('날짜').fill(`${month}-12`);
      await dialog.getByLabel('시작 시각').fill(time);
      await dialog.getByRole('textbox', { name: '장소' }).fill(place);
      await dialog.getByRole('spinbutton', { name: '정원' }).fill('30');
      if (minimum) await dialog.getByRole('spinbutton', { name: '개설 최소 인원' }).fill(minimum);
      if (expectWarning) {
        await dialog.getByText(/같은 시간에 .* 강의가 있습니다/).waitFor();
        await expectNoSeriousA11yViolations(page, 'offering dialog');
      }
      await dialog.getByRole('button', { name: '강의 추가' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await addOffering(courses[0], '10:00', '2', false);
    await addOffering(courses[1], '10:30', null, true);
    const rowA = section.getByRole('row').filter({ hasText: courses[0].title });
    const rowB = section.getByRole('row').filter({ hasText: courses[1].title });
    await expect.poll(() => rowA.innerText()).toContain('최소 2명');
    expect(await rowB.innerText()).toContain('최소 5명');
    expect(await rowB.innerText()).toContain('같은 장소·시간 겹침');

    // 3. Opening, with the keyboard alone: Enter opens the confirmation, whose safe choice has the
    // focus; Escape cancels and gives the focus back; Tab then Enter confirms.
    const openButton = section.getByRole('button', { name: `${month} 차수 신청 시작` });
    await openButton.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: `${month} 차수 신청을 시작할까요?` });
    await confirm.waitFor();
    await expect.poll(() => isFocused(confirm.getByRole('button', { name: '취소' }))).toBe(true);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(openButton)).toBe(true);
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await expect.poll(() => isFocused(confirm.getByRole('button', { name: '취소' }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(confirm.getByRole('button', { name: '신청 시작' }))).toBe(true);
    await page.keyboard.press('Enter');
    await section.getByText('신청 중', { exact: true }).first().waitFor();
    await page.getByText('● 실시간 연결됨').waitFor();
    await page.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));
    await page.waitForTimeout(300); // let the server finish setting up the subscription

    // 4. Servants register through the API: two for the first offering (minimum 2), one for the second (minimum 5).
    const offerings = (
      await gql<any>(`query($m: EnrollmentRoundStatus) { enrollmentRounds(first: 100, status: $m) { edges { node { month offerings { edges { node { id course { title } } } } } } } }`, { m: 'OPEN' }, adminToken)
    ).enrollmentRounds.edges.find((e: any) => e.node.month === month).node.offerings.edges.map((e: any) => e.node);
    const idOf = (title: string) => offerings.find((o: any) => o.course.title === title).id;
    const register = async (email: string, offeringId: string) => {
      const token = await apiLogin(email, DEMO_PASSWORD);
      const r = await gql<any>(`mutation($id: ID!) { enrollmentCreate(input: { offeringId: $id }) { enrollment { status } userErrors { code message } } }`, { id: offeringId }, token);
      expect(r.enrollmentCreate).toEqual({ enrollment: { status: 'REGISTERED' }, userErrors: [] });
    };
    await register('gg000002@demo.kok.go.kr', idOf(courses[0].title));
    await register('gg000003@demo.kok.go.kr', idOf(courses[0].title));
    await register('gg000004@demo.kok.go.kr', idOf(courses[1].title));
    await expect.poll(() => rowA.innerText(), { timeout: 10_000 }).toContain('2 / 30명');
    await expect.poll(() => rowB.innerText(), { timeout: 10_000 }).toContain('1 / 30명');
    expect(await rowA.innerText()).toContain('개설 예정 (최소 인원 충족)');
    expect(await rowB.innerText()).toContain('폐강 예정 (최소 인원 미달)');
    await expectNoSeriousA11yViolations(page, 'open round');
    // No reload happened: the counts came over the live connection.
    expect(await page.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark)).toBe(1);

    // The registrations of an offering, in a dialog.
    await rowA.getByRole('button', { name: `${courses[0].title} 신청자 보기` }).click();
    const enrollments = page.getByRole('dialog', { name: `"${courses[0].title}" 신청자` });
    await enrollments.getByText('신청 2명, 대기 0명').waitFor();
    await enrollments.getByRole('button', { name: '닫기' }).click();
    await enrollments.waitFor({ state: 'detached' });

    // 5. Closing, with a confirmation: one offering opens, the other is discontinued and its registrant told.
    await section.getByRole('button', { name: `${month} 차수 신청 마감` }).click();
    const closing = page.getByRole('alertdialog', { name: `${month} 차수 신청을 지금 마감할까요?` });
    await closing.getByRole('button', { name: '신청 마감' }).click();
    await closing.waitFor({ state: 'detached' });
    await section.getByText('마감 결과: 개설 1개, 폐강 1개, 확정 2명, 폐강 안내 1명').waitFor();
    await expect.poll(() => rowA.innerText()).toContain('개설 확정');
    await expect.poll(() => rowB.innerText()).toContain('폐강');
    expect(await rowA.innerText()).toContain('2 / 30명');
    await expectNoSeriousA11yViolations(page, 'rounds after closing');
    await page.close();
  });
});

describe('the demand board', () => {
  it('shows the seeded demands with their requester counts, and a decline without a reason shows the Korean error next to the reason', async () => {
    const top = (await gql<any>(`{ demands(first: 3, filter: { status: OPEN }) { totalCount edges { node { id label requesterCount } } } }`, {}, adminToken)).demands;
    expect(top.totalCount).toBeGreaterThan(0);
    const page = await browser.page();
    await signIn(page, DEMO.admin);
    await nav(page).getByRole('link', { name: '교육 수요' }).click();
    await page.getByRole('heading', { level: 1, name: '교육 수요' }).waitFor();
    await page.getByText(`총 ${top.totalCount}건`).waitFor();
    for (const { node } of top.edges) {
      const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: `${node.label} 자세히 보기` }) });
      await expect.poll(() => row.innerText()).toContain(`${node.requesterCount}명 / 최소 5명`);
    }
    await expectNoSeriousA11yViolations(page, 'demands');

    // A demand's requests and similar courses; declining it without a reason is refused by the server.
    const demand = top.edges[0].node;
    await page.getByRole('button', { name: `${demand.label} 자세히 보기` }).click();
    const detail = page.getByRole('region', { name: demand.label });
    await detail.getByRole('heading', { name: /^요청 \d+건$/ }).waitFor();
    await detail.getByRole('heading', { name: '비슷한 기존 강의' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'demand detail');
    const expected = await gql<any>(`mutation($id: ID!) { demandDecline(input: { demandId: $id, reason: "" }) { userErrors { field message } } }`, { id: demand.id }, adminToken);
    const declineButton = detail.getByRole('button', { name: '반려' });
    await declineButton.click();
    const dialog = page.getByRole('dialog', { name: `"${demand.label}" 반려` });
    const reason = dialog.getByRole('textbox', { name: '반려 사유' });
    await expect.poll(() => isFocused(reason)).toBe(true);
    await dialog.getByRole('button', { name: '반려' }).click();
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await reason.getAttribute('aria-describedby');
    const message = await page.locator(`[id="${describedBy}"]`).innerText();
    expect(message).toBe(expected.demandDecline.userErrors[0].message);
    expect(message).toMatch(/[가-힣]/);
    // Escape closes the dialog and gives the focus back to the button that opened it; nothing changed.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(declineButton)).toBe(true);
    expect(await detail.innerText()).toContain('요청 모으는 중');
    await page.close();
  });
});

describe('the catalogue', () => {
  it('finds a course by words of its title on the server', async () => {
    const course = (await gql<any>(`{ courses(first: 1, orderBy: { field: TITLE, direction: DESC }) { edges { node { title code } } } }`, {}, adminToken)).courses.edges[0].node;
    const found = (await gql<any>(`query($s: String) { courses(filter: { search: $s }) { totalCount } }`, { s: course.title }, adminToken)).courses.totalCount;
    const page = await browser.page();
    await signIn(page, DEMO.admin);
    await nav(page).getByRole('link', { name: '강의 목록' }).click();
    await page.getByRole('heading', { level: 1, name: '강의 목록' }).waitFor();
    await page.getByText(/^총 \d+개$/).waitFor();
    await expectNoSeriousA11yViolations(page, 'catalogue');
    await page.getByRole('searchbox', { name: '강의 검색' }).fill(course.title);
    await page.getByText(`총 ${found}개`).waitFor();
    await page.getByRole('gridcell', { name: course.title, exact: true }).waitFor();
    // Its gathered resources open in a dialog.
    await page.getByRole('button', { name: `${course.title} 학습 자료` }).click();
    const resources = page.getByRole('dialog', { name: `"${course.title}" 학습 자료` });
    await resources.getByRole('button', { name: '닫기' }).click();
    await resources.waitFor({ state: 'detached' });
    await page.close();
  });

  it('creates a course, gathers a resource for it and retires it, with the server field errors in Korean', async () => {
    const page = await browser.page();
    await signIn(page, DEMO.admin);
    await page.goto(`${baseUrl()}/catalogue`);
    await page.getByRole('heading', { level: 1, name: '강의 목록' }).waitFor();
    const title = `E2E 카탈로그 시험 강의 ${Date.now()}`;
    await page.getByRole('button', { name: '새 강의' }).click();
    const dialog = page.getByRole('dialog', { name: '새 강의' });
    await dialog.getByRole('textbox', { name: '강의명' }).fill(title);
    await dialog.getByRole('combobox', { name: '분야' }).click();
    await page.getByRole('option').first().click();
    // 30 minutes is refused by the server; its message stands under the length field.
    await dialog.getByRole('spinbutton', { name: '시간' }).fill('30');
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect.poll(() => dialog.getByRole('spinbutton', { name: '시간' }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('spinbutton', { name: '시간' }).fill('90');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('searchbox', { name: '강의 검색' }).fill(title);
    await page.getByText('총 1개').waitFor();
    await page.getByRole('gridcell', { name: title, exact: true }).waitFor();
    await page.getByRole('button', { name: `${title} 학습 자료 0건` }).click();
    const resources = page.getByRole('dialog', { name: `"${title}" 학습 자료` });
    await resources.getByRole('textbox', { name: '자료명' }).fill('시험 자료');
    await resources.getByRole('textbox', { name: '주소(URL)' }).fill('https://example.kr/e2e');
    await resources.getByRole('button', { name: '자료 추가' }).click();
    await resources.getByRole('link', { name: '시험 자료' }).waitFor();
    await resources.getByRole('button', { name: '시험 자료 자료 삭제' }).click();
    await resources.getByText('모아 둔 학습 자료가 없습니다.').waitFor();
    await page.keyboard.press('Escape');
    await resources.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: `${title} 폐지` }).click();
    const retire = page.getByRole('alertdialog', { name: `"${title}"을(를) 폐지할까요?` });
    await retire.getByRole('button', { name: '폐지' }).click();
    await retire.waitFor({ state: 'detached' });
    await page.getByText('총 0개').waitFor(); // only active courses are listed by default
    await page.close();
  });
});

