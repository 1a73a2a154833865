import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDecimal } from '../src/routes/credits/decimal.js';
import { apiLogin, baseUrl, type Browser, DEMO, expectNoSeriousA11yViolations, gql, launchBrowser, signIn } from './browser.js';

// Credit bank, the profile's learning sections, the servants CSV import and the certifications
// screen, in a real Chromium against the real API on the demo data (see global-setup.ts).
// Other test files share this API: nothing here leaves a lasting change that they could see
// (the credit recorded is reversed; the import only repeats an existing servant's data).
let browser: Browser;
let adminToken: string;
let page: Page;
let minjun: { id: string; name: string };

const balanceOf = async (id: string): Promise<string> =>
  (await gql<any>(`query($id: ID!) { node(id: $id) { ... on Servant { creditSummary { balance } } } }`, { id }, adminToken)).node.creditSummary.balance;

beforeAll(async () => {
  browser = await launchBrowser();
  adminToken = await apiLogin(DEMO.admin);
  const r = await gql<any>(`{ servants(first: 1, filter: { search: "GG000001" }) { edges { node { id name } } } }`, {}, adminToken);
  minjun = r.servants.edges[0].node;
  expect(minjun.name).toBe('김민준');
  page = await browser.page();
  await signIn(page, DEMO.admin);
});
afterAll(() => browser?.close());

describe('the servant profile', () => {
  it("shows 김민준's credits, mandatory training and recommendations with their reasons", async () => {
    const api = await gql<any>(
      `query($id: ID!) { node(id: $id) { ... on Servant {
        creditSummary { balance earnedThisYear }
        mandatoryTraining { status rule { name } }
        recommendations(first: 10) { course { title } reasons { message } }
      } } }`,
      { id: minjun.id },
      adminToken,
    );
    const s = api.node;
    await page.goto(`${baseUrl()}/servants/${encodeURIComponent(minjun.id)}`);
    await page.getByRole('heading', { level: 1, name: /김민준/ }).waitFor();
    for (const section of ['학점', '법정 의무교육', '인증 과정과 진행 상황', '추천 교육과 추천 이유']) {
      await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
    }
    const credits = page.getByRole('region', { name: '학점', exact: true });
    await credits.getByText(`${formatDecimal(s.creditSummary.balance)}학점`).first().waitFor();

    // Mandatory training: each rule with its status written out (not only a colour).
    const mandatory = page.getByRole('region', { name: '법정 의무교육' });
    const words = { DONE: '이수 완료', DUE: '이수 예정', OVERDUE: '기한 지남 (미이수)' } as const;
    expect(s.mandatoryTraining.length).toBeGreaterThan(0);
    for (const m of s.mandatoryTraining as { status: keyof typeof words; rule: { name: string } }[]) {
      const row = mandatory.getByRole('row').filter({ hasText: m.rule.name });
      expect(await row.innerText()).toContain(words[m.status]);
    }

    // Recommendations with the server's reasons.
    expect(s.recommendations.length).toBeGreaterThan(0);
    const recs = page.getByRole('region', { name: '추천 교육과 추천 이유' });
    const first = s.recommendations[0];
    const item = recs.getByRole('listitem').filter({ hasText: first.course.title }).first();
    expect(await item.innerText()).toContain(first.reasons[0].message);

    await expectNoSeriousA11yViolations(page, 'profile with credits');

    // The transcript needs the session's token (never put in a URL): the app fetches it and saves it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '학점 내역 CSV 내려받기' }).click()]);
    expect(download.suggestedFilename()).toBe('학점내역-김민준.csv');
    const res = await fetch(`${baseUrl()}/transcripts/${encodeURIComponent(minjun.id)}.csv`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(res.ok).toBe(true);
    // Byte for byte (the BOM that Excel needs included).
    expect(fs.readFileSync((await download.path())!).equals(Buffer.from(await res.arrayBuffer()))).toBe(true);
  });
});

describe('the credit bank', () => {
  it('records a recognised credit, reverses it with confirmation, and shows the yearly cap next to the amount', async () => {
    await page.getByRole('link', { name: '학점 원장 보기' }).click();
    await page.waitForURL('**/credits?servant=*');
    await page.getByRole('heading', { level: 2, name: '김민준(GG000001)의 학점 원장' }).waitFor();
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['학점 은행', '인증·의무교육']));
    const before = await balanceOf(minjun.id);
    const balance = page.locator('#credit-balance-value');
    await expect.poll(() => balance.innerText()).toBe(`${formatDecimal(before)}학점`);
    await expectNoSeriousA11yViolations(page, 'credit bank');

    // Record: the dialog takes the focus, and gives it back to the button afterwards.
    const title = `E2E 외부 교육 ${Date.now()}`;
    const open = page.getByRole('button', { name: '학점 인정·조정 기록' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: '학점 인정·조정 기록' });
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await dialog.getByLabel(/^학점/).fill('2.5');
    await dialog.getByLabel('교육·자격명').fill(title);
    await dialog.getByLabel('증빙').fill('수료증 E2E-0001');
    await dialog.getByLabel('사유').fill('외부 교육 수료 인정');
    await dialog.getByRole('button', { name: '기록' }).click();
    await dialog.waitFor({ state: 'detached' });
    const afterRecord = await balanceOf(minjun.id);
    expect(Number(afterRecord) - Number(before)).toBeCloseTo(2.5, 5);
    await expect.poll(() => balance.innerText()).toBe(`${formatDecimal(afterRecord)}학점`);
    await expect.poll(() => open.evaluate((b) => b === document.activeElement)).toBe(true);
    // The new entry is on top (newest first); the reversal will carry the same title, so keep its id.
    const entryId = await page.getByRole('row').filter({ hasText: title }).getAttribute('data-entry-id');
    const row = page.locator(`tr[data-entry-id="${entryId}"]`);
    expect(await row.innerText()).toContain('외부 학습 인정');

    // Reverse it, after a confirmation that says what happens.
    await row.getByRole('button', { name: /기록 되돌리기/ }).click();
    const confirm = page.getByRole('dialog', { name: '기록 되돌리기 확인' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(title);
    await confirm.getByLabel('사유').fill('잘못 입력하여 취소');
    await confirm.getByRole('button', { name: '되돌리기' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => balance.innerText()).toBe(`${formatDecimal(before)}학점`);
    expect(await balanceOf(minjun.id)).toBe(before);
    await expect.poll(() => row.innerText()).toContain('취소됨');
    expect(await page.getByRole('row').filter({ hasText: title }).filter({ hasText: '취소 기록' }).count()).toBe(1);

    // Above the yearly cap: the server's Korean message under the amount, which is marked invalid.
    await open.click();
    await dialog.waitFor();
    const amount = dialog.getByLabel(/^학점/);
    await amount.fill('100');
    await dialog.getByLabel('교육·자격명').fill(`${title} 상한 초과`);
    await dialog.getByLabel('증빙').fill('수료증 E2E-0002');
    await dialog.getByLabel('사유').fill('상한 확인');
    await dialog.getByRole('button', { name: '기록' }).click();
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await amount.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toMatch(/외부 학습 인정 한도 .*학점을 넘습니다/);
    await dialog.getByRole('button', { name: '취소' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await balanceOf(minjun.id)).toBe(before);
  });
});

describe('the servants CSV import', () => {
  it('reports the bad row with its line, employee number and message', async () => {
    // The good row repeats an existing servant as it is, so other test files still see 300 servants.
    const r = await gql<any>(
      `{ servants(first: 1, orderBy: { field: EMPLOYEE_NUMBER, direction: DESC }) { edges { node { employeeNumber name jobSeries grade organization { code } } } } }`,
      {},
      adminToken,
    );
    const s = r.servants.edges[0].node;
    const csv = ['사번,성명,기관코드,직렬,급수', `${s.employeeNumber},${s.name},${s.organization.code},${s.jobSeries},${s.grade}`, 'E2E900002,가져오기시험,41110,행정,12', ''].join('\n');

    await page.goto(`${baseUrl()}/servants`);
    await page.getByRole('link', { name: 'CSV로 공무원 가져오기' }).click();
    await page.getByRole('heading', { level: 1, name: '공무원 CSV 가져오기' }).waitFor();
    await page.getByLabel('CSV 파일').setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '가져오기' }).click();
    await page.getByRole('heading', { level: 2, name: '가져오기 결과' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '전체 2행' }).innerText()).toContain('오류 1행');
    const bad = page.getByRole('row').filter({ hasText: 'E2E900002' });
    expect((await bad.getByRole('cell').allInnerTexts()).map((c) => c.trim())).toEqual(['3', 'E2E900002', '급수는 1부터 9 사이여야 합니다.']);
    expect((await gql<any>(`{ servants { totalCount } }`, {}, adminToken)).servants.totalCount).toBe(300);
  });
});

describe('certifications and mandatory rules', () => {
  it('lists programmes and rules, and downloads the overdue list as the CSV the API gives', async () => {
    await page.goto(`${baseUrl()}/certifications`);
    await page.getByRole('heading', { level: 1, name: '인증·의무교육' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '의무교육 규칙' }).waitFor();
    await page.getByText(/^미이수자 \d+명$/).waitFor();
    await expectNoSeriousA11yViolations(page, 'certifications');

    const year = new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
    const expected = (await gql<any>(`query($y: Int!) { mandatoryTrainingOverdueCsv(year: $y) }`, { y: year }, adminToken)).mandatoryTrainingOverdueCsv as string;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '미이수자 CSV로 내려받기' }).click()]);
    expect(download.suggestedFilename()).toBe(`의무교육-미이수자-${year}-전체.csv`);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).toBe(expected);
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('사번');

    // The list pages on the server (keyset): "더 보기" appends the next page.
    const overdue = page.getByRole('region', { name: '의무교육 미이수자' });
    const rows = overdue.getByRole('row');
    const total = Number((await page.getByText(/^미이수자 \d+명$/).innerText()).match(/\d+/)![0]);
    if (total > 50) {
      await expect.poll(() => rows.count()).toBe(1 + 50 + 1); // header, 50 servants, the "더 보기" row
      await overdue.getByRole('button', { name: '더 보기' }).click();
      await expect.poll(() => rows.count()).toBe(1 + Math.min(100, total) + (total > 100 ? 1 : 0));
    }
  });

  it('the 수원시 administrator sees both screens in the menu, the rules read-only, and only 수원시 overdue', async () => {
    const year = new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
    const suwon = await gql<any>(`query($y: Int!) { mandatoryTrainingOverdue(year: $y) { totalCount } }`, { y: year }, await apiLogin(DEMO.suwonAdmin));
    const other = await browser.page();
    await signIn(other, DEMO.suwonAdmin);
    const nav = other.getByRole('navigation', { name: '주 메뉴' });
    await nav.getByRole('link', { name: '인증·의무교육' }).waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['학점 은행', '인증·의무교육']));
    await nav.getByRole('link', { name: '인증·의무교육' }).click();
    await other.getByRole('heading', { level: 1, name: '인증·의무교육' }).waitFor();
    await other.getByText(`미이수자 ${suwon.mandatoryTrainingOverdue.totalCount}명`).waitFor();
    expect(await other.getByRole('button', { name: '의무교육 규칙 추가' }).count()).toBe(0);
    expect(new Set(await other.getByRole('region', { name: '의무교육 미이수자' }).locator('tbody tr td:nth-child(3)').allInnerTexts())).toEqual(new Set(['수원시']));
    await other.close();
  });
});
