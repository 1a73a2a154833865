import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, baseUrl, type Browser, DEMO, expectNoSeriousA11yViolations, gql, launchBrowser, signIn } from './browser.js';

// The certifications screen: editing what a rule and a programme point at (courses,
// organisations) with the pickers, and "who is awarded" with its filters and CSV, in a real
// Chromium against the real API. Other files share this API: the rule made here concerns a job
// series nobody has, the programme needs a course only one servant is credited with here, and
// both are deactivated at the end.
let browser: Browser;
let adminToken: string;
let page: Page;
const stamp = Date.now().toString(36).toUpperCase();

beforeAll(async () => {
  browser = await launchBrowser();
  adminToken = await apiLogin(DEMO.admin);
  page = await browser.page();
  await signIn(page, DEMO.admin);
});
afterAll(() => browser?.close());

/** Two active courses of the catalogue, found the way the picker finds them. */
async function twoCourses(): Promise<{ id: string; title: string; code: string }[]> {
  const r = await gql<any>(`{ courses(first: 2, filter: { search: "데이터" }) { edges { node { id title code } } } }`, {}, adminToken);
  const courses = r.courses.edges.map((e: any) => e.node);
  expect(courses).toHaveLength(2);
  return courses;
}

/** Types into a picker and chooses the option whose label contains `text`. */
async function pick(page: Page, label: string, search: string, text: string) {
  const input = page.getByRole('dialog').getByRole('combobox', { name: label });
  await input.fill(search);
  await page.getByRole('option', { name: text }).first().click();
}

describe('editing what rules and programmes point at', () => {
  it("changes a rule's target from a category to one course and limits it to 수원시, then a programme's required courses", async () => {
    const [course, other] = await twoCourses();
    const cats = await gql<any>(`{ categories { id name } }`, {}, adminToken);
    const created = await gql<any>(
      `mutation($input: MandatoryTrainingRuleCreateInput!) { mandatoryTrainingRuleCreate(input: $input) { rule { id } userErrors { message } } }`,
      { input: { name: `E2E 대상 변경 ${stamp}`, categoryId: cats.categories[0].id, hours: '1', frequency: 'YEARLY', jobSeries: ['시험직렬'] } },
      adminToken,
    );
    const ruleId = created.mandatoryTrainingRuleCreate.rule.id as string;

    await page.goto(`${baseUrl()}/certifications`);
    const rules = page.getByRole('region', { name: '의무교육 규칙' });
    await rules.getByRole('button', { name: `E2E 대상 변경 ${stamp} 수정` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '특정 강의' }).check();
    // Saving without a course is refused next to the course field, with focus there.
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.getByText('입력해 주세요.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rule-courseId');
    await pick(page, '인정 강의', course.code, course.title);
    await pick(page, '대상 기관', '수원', '수원시');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rules.getByRole('row').filter({ hasText: `E2E 대상 변경 ${stamp}` }).filter({ hasText: '수원시' }).filter({ hasText: course.title }).waitFor();
    const rule = await gql<any>(`query($id: ID!) { node(id: $id) { ... on MandatoryTrainingRule { course { id } category { id } organizations { name } } } }`, { id: ruleId }, adminToken);
    expect(rule.node).toEqual({ course: { id: course.id }, category: null, organizations: [{ name: '수원시' }] });

    // A programme: required courses are chosen with the picker, and replaced when edited.
    const programs = page.getByRole('region', { name: '인증 과정' });
    await programs.getByRole('button', { name: '인증 과정 추가' }).click();
    await dialog.getByRole('textbox', { name: '코드' }).fill(`E2E_PICK_${stamp}`);
    await dialog.getByRole('textbox', { name: '과정명' }).fill(`E2E 필수 강의 ${stamp}`);
    await dialog.getByRole('textbox', { name: '필요 학점' }).fill('1');
    await pick(page, '필수 강의', course.code, course.title);
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    const requirements = async () =>
      ((await gql<any>(`{ certificationPrograms(first: 100) { edges { node { id code requirements { requiredCourses { course { id } } } } } } }`, {}, adminToken)).certificationPrograms.edges as any[])
        .map((e) => e.node)
        .find((p) => p.code === `E2E_PICK_${stamp}`);
    expect((await requirements()).requirements.requiredCourses).toEqual([{ course: { id: course.id } }]);

    await programs.getByRole('button', { name: `E2E 필수 강의 ${stamp} 수정` }).click();
    await dialog.getByText(`${course.title} (${course.code})`).waitFor();
    await pick(page, '필수 강의', other.code, other.title);
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = await requirements();
    expect(after.requirements.requiredCourses.map((c: any) => c.course.id)).toEqual([course.id, other.id]);

    for (const [m, id] of [
      ['mandatoryTrainingRuleDeactivate', ruleId],
      ['certificationProgramDeactivate', after.id],
    ] as const) {
      await gql(`mutation($id: ID!) { ${m}(input: { id: $id }) { userErrors { message } } }`, { id }, adminToken);
    }
  });
});

describe('who is awarded', () => {
  it('lists the holder of a new award for the institute, not for the 수원시 administrator, and downloads the CSV the API gives', async () => {
    // A programme one 성남시 servant completes by a recognised credit for its required course.
    const [course] = await twoCourses();
    const program = await gql<any>(
      `mutation($input: CertificationProgramCreateInput!) { certificationProgramCreate(input: $input) { program { id name } userErrors { message } } }`,
      { input: { code: `E2E_AWARD_${stamp}`, name: `E2E 취득 ${stamp}`, totalCredits: '1', requiredCourseIds: [course.id] } },
      adminToken,
    );
    const programId = program.certificationProgramCreate.program.id as string;
    const holder = (await gql<any>(`{ servants(first: 1, filter: { search: "GG000003" }) { edges { node { id name organization { name } } } } }`, {}, adminToken)).servants.edges[0].node;
    expect(holder.organization.name).toBe('성남시');
    const recorded = await gql<any>(
      `mutation($input: CreditTransactionRecordInput!) { creditTransactionRecord(input: $input) { userErrors { message } } }`,
      {
        input: {
          servantId: holder.id,
          kind: 'RECOGNIZED',
          amount: '1',
          title: course.title,
          evidence: `E2E-${stamp}`,
          reason: '외부 교육 인정 (E2E)',
          occurredOn: new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10),
          idempotencyKey: `e2e-award-${stamp}`,
        },
      },
      adminToken,
    );
    expect(recorded.creditTransactionRecord.userErrors).toEqual([]);
    const api = await gql<any>(`query($p: ID) { certificationsAwarded(programId: $p, first: 10) { edges { node { verificationCode servant { name } } } } }`, { p: programId }, adminToken);
    expect(api.certificationsAwarded.edges.map((e: any) => e.node.servant.name)).toEqual([holder.name]);
    const code = api.certificationsAwarded.edges[0].node.verificationCode as string;

    await page.goto(`${baseUrl()}/certifications`);
    const awarded = page.getByRole('region', { name: '인증 취득자' });
    await awarded.getByText(/^취득 \d+건$/).waitFor();
    await awarded.getByRole('combobox', { name: '인증 과정' }).click();
    await page.getByRole('option', { name: `E2E 취득 ${stamp}` }).click();
    await awarded.getByText('취득 1건').waitFor();
    const row = awarded.getByRole('row').filter({ hasText: code });
    expect((await row.getByRole('cell').allInnerTexts()).map((c) => c.trim()).slice(0, 4)).toEqual([holder.name, 'GG000003', '성남시', `E2E 취득 ${stamp}`]);
    expect(await row.getByText('인증 유효').count()).toBe(1);
    expect(await row.getByRole('link', { name: `${code} (${holder.name}의 E2E 취득 ${stamp} 인증서 열기)` }).getAttribute('href')).toBe(`/certificates/${code}.pdf`);
    // Expired only: none yet.
    await awarded.getByRole('combobox', { name: '상태' }).click();
    await page.getByRole('option', { name: '인증 만료' }).click();
    await awarded.getByText('취득 0건').waitFor();
    await awarded.getByRole('combobox', { name: '상태' }).click();
    await page.getByRole('option', { name: '전체' }).click();
    await awarded.getByText('취득 1건').waitFor();
    await expectNoSeriousA11yViolations(page, 'certifications (who is awarded)');

    const expected = (await gql<any>(`query($p: ID) { certificationsAwardedCsv(programId: $p) }`, { p: programId }, adminToken)).certificationsAwardedCsv as string;
    const [download] = await Promise.all([page.waitForEvent('download'), awarded.getByRole('button', { name: '인증 취득자 CSV로 내려받기' }).click()]);
    expect(download.suggestedFilename()).toBe(`인증-취득자-E2E 취득 ${stamp}-전체.csv`);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).toBe(expected);
    expect(text).toContain(`,GG000003,${holder.name},`);

    // The 수원시 administrator does not see a 성남시 holder.
    const suwon = await browser.page();
    await signIn(suwon, DEMO.suwonAdmin);
    await suwon.goto(`${baseUrl()}/certifications`);
    const theirs = suwon.getByRole('region', { name: '인증 취득자' });
    await theirs.getByText(/^취득 \d+건$/).waitFor();
    await theirs.getByRole('combobox', { name: '인증 과정' }).click();
    await suwon.getByRole('option', { name: `E2E 취득 ${stamp}` }).click();
    await theirs.getByText('취득 0건').waitFor();
    expect(await theirs.getByText(code).count()).toBe(0);
    await suwon.close();

    await gql(`mutation($id: ID!) { certificationProgramDeactivate(input: { id: $id }) { userErrors { message } } }`, { id: programId }, adminToken);
  });
});
