import { screen, waitFor, within } from '@testing-library/react';
import { maskFragments } from 'gql.tada';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '../../auth/viewer';
import type { ResultOf, VariablesOf } from '../../graphql';
import { CoursePickerQuery, OrganizationPickerQuery } from '../../shell/pickers.documents';
import { type Answer, createTestApi, renderWithApp, t } from '../../test/render';
import { CategoryOptionsQuery } from '../credits/credits.documents';
import CertificationsPage from './CertificationsPage';
import {
  AwardedCsvQuery,
  AwardedQuery,
  CertificationProgramFields,
  CertificationsAdminQuery,
  MandatoryRuleFields,
  OverdueQuery,
  ProgramCreateMutation,
  ProgramUpdateMutation,
  RuleUpdateMutation,
} from './certifications.documents';

type Program = ResultOf<typeof CertificationProgramFields>;
type Rule = ResultOf<typeof MandatoryRuleFields>;
type AwardedNode = ResultOf<typeof AwardedQuery>['certificationsAwarded']['edges'][number]['node'];

const DIGITAL = 'Q2VydFByb2dyYW06MQ==';
const SAFETY = 'Q2VydFByb2dyYW06Mg==';
const LAW = 'Q2F0OjM='; // the category "법정의무"
const DATA_COURSE = { id: 'Q291cnNlOjE=', code: 'D101', title: '공공 데이터 분석' };
const SECURITY_COURSE = { id: 'Q291cnNlOjI=', code: 'S201', title: '정보보안 기초' };
const VIOLENCE_COURSE = { id: 'Q291cnNlOjM=', code: 'L301', title: '폭력예방 통합교육' };
const SUWON = { id: 'T3JnOjI=', name: '수원시' };
const SUWON_DEPT = { id: 'T3JnOjU=', name: '수원시 자치행정과' };

/** A programme with one required course still in the catalogue and one kept by its title only. */
const digital: Program = {
  id: DIGITAL,
  code: 'DIGITAL_BASIC',
  name: '디지털 기초',
  description: '디지털 역량 기초 인증',
  active: true,
  requirements: {
    totalCredits: '10',
    windowMonths: 24,
    validityMonths: 36,
    categoryMinimums: [],
    requiredCourses: [
      { title: DATA_COURSE.title, course: DATA_COURSE },
      { title: '옛 정보보안 개론', course: null },
    ],
  },
};

const safety: Program = {
  id: SAFETY,
  code: 'SAFETY',
  name: '재난안전 전문',
  description: '',
  active: true,
  requirements: { totalCredits: '6', windowMonths: null, validityMonths: null, categoryMinimums: [], requiredCourses: [] },
};

/** A rule met by courses of a category with a topic keyword, for every servant. */
const violenceRule: Rule = {
  id: 'UnVsZTox',
  name: '폭력예방교육',
  active: true,
  legalBasis: '양성평등기본법 제31조',
  hours: '4',
  frequency: 'YEARLY',
  withinMonths: null,
  trigger: 'NONE',
  gradeMin: null,
  gradeMax: null,
  jobSeries: [],
  topicKeyword: '폭력예방',
  category: { id: LAW, name: '법정의무' },
  course: null,
  organizations: [],
};

const adminData: ResultOf<typeof CertificationsAdminQuery> = {
  certificationPrograms: { totalCount: 2, edges: [{ node: maskFragments([CertificationProgramFields], digital) }, { node: maskFragments([CertificationProgramFields], safety) }] },
  mandatoryTrainingRules: { totalCount: 1, edges: [{ node: maskFragments([MandatoryRuleFields], violenceRule) }] },
};

/** The catalogue as the course search answers: courses whose title has the words typed. */
function answerCourses({ search }: VariablesOf<typeof CoursePickerQuery>) {
  const all = [DATA_COURSE, SECURITY_COURSE, VIOLENCE_COURSE].filter((c) => !search || c.title.includes(search));
  return { data: { courses: { edges: all.map((c) => ({ node: { ...c, format: 'RECORDED' as const, lengthMinutes: 60 } })) } } };
}

function answerOrganizations({ search }: VariablesOf<typeof OrganizationPickerQuery>) {
  const all = [SUWON, SUWON_DEPT, { id: 'T3JnOjM=', name: '용인시' }].filter((o) => !search || o.name.includes(search));
  return { data: { organizations: { edges: all.map((node) => ({ node })) } } };
}

function setup({ viewer, awarded }: { viewer?: Viewer; awarded?: (v: VariablesOf<typeof AwardedQuery>) => Answer<ResultOf<typeof AwardedQuery>> } = {}) {
  const api = createTestApi()
    .on(CertificationsAdminQuery, () => ({ data: adminData }))
    .on(CategoryOptionsQuery, () => ({
      data: {
        categories: [
          { id: 'Q2F0OjE=', name: '직무', parent: null },
          { id: LAW, name: '법정의무', parent: null },
        ],
      },
    }))
    .on(CoursePickerQuery, answerCourses)
    .on(OrganizationPickerQuery, answerOrganizations)
    .on(OverdueQuery, () => ({ data: { mandatoryTrainingOverdue: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }));
  if (awarded) api.on(AwardedQuery, awarded);
  const view = renderWithApp(<CertificationsPage />, api, { route: '/certifications', viewer });
  return { ...view, api };
}

/** The options of the open listbox (a picker's search results), top to bottom. */
const optionNames = () => screen.queryAllByRole('option').map((o) => o.textContent);

/** Opens the edit dialog of the programme or rule named `name` from its table row. */
async function openEdit(user: ReturnType<typeof setup>['user'], kind: 'program' | 'rule', name: string) {
  await user.click(await screen.findByRole('button', { name: t('certs.editLabel', { name }) }));
  const dialog = await screen.findByRole('dialog', { name: t(kind === 'rule' ? 'certs.editRuleTitle' : 'certs.editProgramTitle', { name }) });
  return { dialog, save: () => user.click(within(dialog).getByRole('button', { name: t('certs.save') })) };
}

describe('CertificationsPage: the rule dialog (what satisfies a rule, and for which organisations)', () => {
  const courseError = '과정을 찾을 수 없습니다.';

  it('asks for a course when "특정 강의" is chosen, then sends the course and organisations and no category', async () => {
    const { user, api } = setup();
    api.on(RuleUpdateMutation, (): Answer<ResultOf<typeof RuleUpdateMutation>> => ({
      data: { mandatoryTrainingRuleUpdate: { rule: null, userErrors: [{ code: 'COURSE_NOT_FOUND', field: ['input', 'courseId'], message: courseError }] } },
    }));
    const { dialog, save } = await openEdit(user, 'rule', violenceRule.name);
    // The rule targets a category: the category and keyword fields show, no course field.
    expect(within(dialog).getByRole('radio', { name: t('certs.ruleFields.targetCategory') })).toBeChecked();
    expect(within(dialog).queryByRole('combobox', { name: t('certs.ruleFields.course') })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: t('certs.ruleFields.targetCourse') }));
    const course = within(dialog).getByRole('combobox', { name: t('certs.ruleFields.course') });
    expect(within(dialog).queryByRole('textbox', { name: t('certs.ruleFields.topicKeyword') })).not.toBeInTheDocument();

    // No course yet: refused on the spot, said next to the course field, which takes the focus.
    await save();
    expect(course).toHaveAttribute('aria-invalid', 'true');
    expect(course).toHaveAccessibleDescription(t('credits.required'));
    await waitFor(() => expect(course).toHaveFocus());
    expect(api.requests(RuleUpdateMutation)).toHaveLength(0);

    // A course found by typing (the picker asks the catalogue once typing pauses).
    await user.type(course, '폭력');
    await waitFor(() => expect(optionNames()).toEqual([`${VIOLENCE_COURSE.title} (${VIOLENCE_COURSE.code})`]));
    expect(api.requests(CoursePickerQuery).map((r) => r.variables)).toContainEqual({ search: '폭력' });
    await user.click(screen.getByRole('option', { name: `${VIOLENCE_COURSE.title} (${VIOLENCE_COURSE.code})` }));
    expect(course).toHaveValue(`${VIOLENCE_COURSE.title} (${VIOLENCE_COURSE.code})`);
    // And an organisation (with its subtree) from the organisations picker.
    const orgs = within(dialog).getByRole('combobox', { name: t('certs.ruleFields.organizations') });
    await user.type(orgs, '수원');
    await waitFor(() => expect(optionNames()).toEqual([SUWON.name, SUWON_DEPT.name]));
    expect(api.requests(OrganizationPickerQuery).map((r) => r.variables)).toContainEqual({ search: '수원' });
    await user.click(screen.getByRole('option', { name: SUWON.name }));
    expect(within(dialog).getByRole('button', { name: SUWON.name })).toBeInTheDocument(); // the chosen chip
    await save();

    await waitFor(() => expect(api.requests(RuleUpdateMutation)).toHaveLength(1));
    expect(api.requests(RuleUpdateMutation)[0].variables).toEqual({
      input: {
        id: violenceRule.id,
        name: violenceRule.name,
        legalBasis: violenceRule.legalBasis,
        hours: '4',
        frequency: 'YEARLY',
        withinMonths: null,
        trigger: 'NONE',
        gradeMin: null,
        gradeMax: null,
        jobSeries: [],
        organizationIds: [SUWON.id],
        courseId: VIOLENCE_COURSE.id,
        // The category and keyword the rule had are cleared, not kept alongside the course.
        categoryId: null,
        topicKeyword: null,
      },
    });
    // The API refuses the course: its message is next to the course field, which takes the focus.
    await waitFor(() => expect(course).toHaveAccessibleDescription(courseError));
    expect(course).toHaveAttribute('aria-invalid', 'true');
    expect(orgs).not.toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(course).toHaveFocus());
    expect(dialog).toBeInTheDocument();
  });
});

describe('CertificationsPage: required courses of a programme', () => {
  const updated = () => ({ data: { certificationProgramUpdate: { program: { id: DIGITAL }, userErrors: [] } } });

  async function openProgram(user: ReturnType<typeof setup>['user']) {
    const { dialog, save } = await openEdit(user, 'program', digital.name);
    const required = within(dialog).getByRole('combobox', { name: t('certs.programFields.requiredCourses') });
    return { dialog, save, required };
  }

  it('names the title-only course, and saving other fields keeps it (no requiredCourseIds sent)', async () => {
    const { user, api } = setup();
    api.on(ProgramUpdateMutation, updated);
    const { dialog, save, required } = await openProgram(user);
    // The catalogue course is chosen; the title-only one is named in the help, since it cannot be chosen.
    expect(within(dialog).getByRole('button', { name: `${DATA_COURSE.title} (${DATA_COURSE.code})` })).toBeInTheDocument();
    expect(required).toHaveAccessibleDescription(t('certs.programFields.titleOnlyCourses', { titles: '옛 정보보안 개론' }));

    const name = within(dialog).getByRole('textbox', { name: t('certs.programFields.name') });
    await user.clear(name);
    await user.type(name, '디지털 기초 (개정)');
    await save();

    await waitFor(() => expect(api.requests(ProgramUpdateMutation)).toHaveLength(1));
    const input = api.requests(ProgramUpdateMutation)[0].variables.input;
    expect(input).not.toHaveProperty('requiredCourseIds');
    expect(input).toStrictEqual({
      id: DIGITAL,
      name: '디지털 기초 (개정)',
      description: digital.description,
      totalCredits: '10',
      windowMonths: 24,
      validityMonths: 36,
      categoryMinimums: [],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.requests(CertificationsAdminQuery).at(-1)?.requestPolicy).toBe('network-only');
  });

  it('sends the whole list, the kept catalogue course first, once a course is added through the picker', async () => {
    const { user, api } = setup();
    api.on(ProgramUpdateMutation, updated);
    const { save, required } = await openProgram(user);

    await user.type(required, '보안');
    // The chosen course stays listed; the search adds the one found.
    await waitFor(() => expect(optionNames()).toEqual([`${DATA_COURSE.title} (${DATA_COURSE.code})`, `${SECURITY_COURSE.title} (${SECURITY_COURSE.code})`]));
    await user.click(screen.getByRole('option', { name: `${SECURITY_COURSE.title} (${SECURITY_COURSE.code})` }));
    await save();

    await waitFor(() => expect(api.requests(ProgramUpdateMutation)).toHaveLength(1));
    expect(api.requests(ProgramUpdateMutation)[0].variables.input).toMatchObject({ id: DIGITAL, requiredCourseIds: [DATA_COURSE.id, SECURITY_COURSE.id] });
  });

  it('sends requiredCourseIds when creating a programme, even with no course chosen', async () => {
    const { user, api } = setup();
    api.on(ProgramCreateMutation, () => ({ data: { certificationProgramCreate: { program: { id: 'Q2VydFByb2dyYW06Mw==' }, userErrors: [] } } }));
    await user.click(await screen.findByRole('button', { name: t('certs.addProgram') }));
    const dialog = await screen.findByRole('dialog', { name: t('certs.addProgram') });
    const field = (key: Parameters<typeof t>[0]) => within(dialog).getByRole('textbox', { name: t(key) });
    expect(within(dialog).getByRole('combobox', { name: t('certs.programFields.requiredCourses') })).toHaveAccessibleDescription(t('certs.programFields.requiredCoursesHelp'));
    await user.type(field('certs.programFields.code'), 'AI_BASIC');
    await user.type(field('certs.programFields.name'), '인공지능 기초');
    await user.type(field('certs.programFields.totalCredits'), '8');
    await user.click(within(dialog).getByRole('button', { name: t('certs.save') }));

    await waitFor(() => expect(api.requests(ProgramCreateMutation)).toHaveLength(1));
    expect(api.requests(ProgramCreateMutation)[0].variables).toStrictEqual({
      input: { code: 'AI_BASIC', name: '인공지능 기초', description: '', totalCredits: '8', windowMonths: null, validityMonths: null, categoryMinimums: [], requiredCourseIds: [] },
    });
  });
});

describe('CertificationsPage: who is awarded', () => {
  const award = (n: number, over: Partial<AwardedNode> = {}): AwardedNode => ({
    id: `Q2VydGlmaWNhdGlvbjo${n}`,
    cycle: 1,
    awardedAt: '2027-03-31T16:00:00.000Z', // 1 April in Korea
    expiresAt: null,
    status: 'VALID',
    revokedReason: null,
    verificationCode: `KOK-${n}${n}${n}${n}`,
    certificateUrl: `/certificates/KOK-${n}${n}${n}${n}.pdf`,
    program: { id: DIGITAL, name: digital.name },
    servant: { id: `U2VydmFudDo${n}`, name: `공무원${n}`, employeeNumber: `2024000${n}`, organization: SUWON },
    ...over,
  });
  const page = (nodes: AwardedNode[], totalCount: number, endCursor: string | null, hasNextPage: boolean) => ({
    data: { certificationsAwarded: { totalCount, pageInfo: { hasNextPage, endCursor }, edges: nodes.map((node) => ({ cursor: `c-${node.id}`, node })) } },
  });

  /** Two pages for no filter (a second-cycle award first); one expired award for "디지털 기초, 인증 만료". */
  function answerAwarded(v: VariablesOf<typeof AwardedQuery>) {
    if (v.programId === DIGITAL && v.status === 'EXPIRED') {
      return page([award(9, { status: 'EXPIRED', expiresAt: '2027-01-01T00:00:00.000Z', servant: { id: 'U2VydmFudDo5', name: '만료자', employeeNumber: '20190009', organization: SUWON_DEPT } })], 1, 'e9', false);
    }
    if (v.programId || v.status || v.organizationId) return page([], 0, null, false);
    if (v.after === 'p1') return page([award(3, { program: { id: SAFETY, name: safety.name }, servant: { id: 'U2VydmFudDoz', name: '공무원3', employeeNumber: '20240003', organization: { id: 'T3JnOjM=', name: '용인시' } } })], 3, 'p2', false);
    return page([award(1, { cycle: 2, expiresAt: '2030-03-31T15:00:00.000Z' }), award(2)], 3, 'p1', true);
  }

  const awardedRegion = () => screen.getByRole('region', { name: t('certs.awarded') });
  /** The body rows of the awarded table, each as its cells' texts. */
  const awardedRows = () =>
    within(within(awardedRegion()).getByRole('table', { name: t('certs.awarded') }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent));

  let saved: { download: string; href: string }[];
  beforeEach(() => {
    // jsdom has no object URLs and does not navigate: record what the CSV download would save.
    // (Left in place after the test: saveText revokes its URL 10 s later, maybe after the test.)
    URL.createObjectURL = vi.fn(() => 'blob:kok/awarded');
    URL.revokeObjectURL = vi.fn();
    saved = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ download: this.download, href: this.href });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists the first page unfiltered, with names, programmes, states and certificate links, and loads more after the end cursor', async () => {
    const { user, api } = setup({ awarded: answerAwarded });
    expect(api.requests(AwardedQuery)[0].variables).toEqual({ programId: null, organizationId: null, status: null, first: 50, after: null });
    await waitFor(() => expect(within(awardedRegion()).getByRole('status')).toHaveTextContent(t('certs.awardedTotal', { count: 3 })));

    expect(awardedRows()).toEqual([
      ['공무원1', '20240001', '수원시', '디지털 기초 (2회차)', '2027. 4. 1.', '2030. 4. 1.', '인증 유효', 'KOK-1111'],
      ['공무원2', '20240002', '수원시', '디지털 기초', '2027. 4. 1.', t('certs.noExpiry'), '인증 유효', 'KOK-2222'],
      [t('credits.loadMore')],
    ]);
    const link = within(awardedRegion()).getByRole('link', { name: t('certs.openCertificate', { code: 'KOK-1111', name: '공무원1', program: digital.name }) });
    expect(link).toHaveAttribute('href', '/certificates/KOK-1111.pdf');
    expect(link).toHaveAttribute('target', '_blank');
    expect(within(awardedRegion()).getByRole('link', { name: t('servants.openProfile', { name: '공무원2' }) })).toHaveAttribute('href', `/servants/${encodeURIComponent('U2VydmFudDo2')}`);

    await user.click(within(awardedRegion()).getByRole('button', { name: t('credits.loadMore') }));
    // The next page is appended below the first, and the last page has no "더 보기".
    await waitFor(() => expect(awardedRows().map((r) => r[0])).toEqual(['공무원1', '공무원2', '공무원3']));
    expect(api.requests(AwardedQuery).at(-1)?.variables).toEqual({ programId: null, organizationId: null, status: null, first: 50, after: 'p1' });
    expect(awardedRows()[2]).toEqual(['공무원3', '20240003', '용인시', '재난안전 전문', '2027. 4. 1.', t('certs.noExpiry'), '인증 유효', 'KOK-3333']);
    expect(within(awardedRegion()).queryByRole('button', { name: t('credits.loadMore') })).not.toBeInTheDocument();
    expect(within(awardedRegion()).getByRole('link', { name: t('certs.openCertificate', { code: 'KOK-3333', name: '공무원3', program: safety.name }) })).toHaveAttribute('href', '/certificates/KOK-3333.pdf');
  });

  it('lists revoked certifications with the reason next to their state', async () => {
    const reason = '인정받은 학점(보안 교육)이 취소되어 인증 요건을 더 이상 충족하지 않습니다.';
    const { user, api } = setup({ awarded: (v) => (v.status === 'REVOKED' ? page([award(5, { status: 'REVOKED', revokedReason: reason })], 1, 'r5', false) : answerAwarded(v)) });
    const region = awardedRegion();
    await user.click(within(region).getByRole('combobox', { name: t('certs.awardedStatus') }));
    await user.click(await screen.findByRole('option', { name: t('learning.certificateState.REVOKED') }));
    await waitFor(() => expect(api.requests(AwardedQuery).at(-1)?.variables).toMatchObject({ status: 'REVOKED', after: null }));
    await waitFor(() => expect(awardedRows()).toEqual([['공무원5', '20240005', '수원시', digital.name, '2027. 4. 1.', t('certs.noExpiry'), `${t('learning.certificateState.REVOKED')}${reason}`, 'KOK-5555']]));
  });

  it('filters by programme and status on the server, and the CSV export asks with the same filter', async () => {
    const { user, api } = setup({ awarded: answerAwarded });
    api.on(AwardedCsvQuery, () => ({ data: { certificationsAwardedCsv: '성명,사번\n만료자,20190009\n' } }));
    const region = awardedRegion();
    // A second page is shown before filtering: a new filter starts again from the first page.
    await user.click(await within(region).findByRole('button', { name: t('credits.loadMore') }));
    await waitFor(() => expect(awardedRows().map((r) => r[0])).toEqual(['공무원1', '공무원2', '공무원3']));

    await user.click(within(region).getByRole('combobox', { name: t('certs.awardedProgram') }));
    await user.click(await screen.findByRole('option', { name: digital.name }));
    await user.click(within(region).getByRole('combobox', { name: t('certs.awardedStatus') }));
    await user.click(await screen.findByRole('option', { name: t('learning.certificateState.EXPIRED') }));

    await waitFor(() => expect(api.requests(AwardedQuery).at(-1)?.variables).toEqual({ programId: DIGITAL, organizationId: null, status: 'EXPIRED', first: 50, after: null }));
    await waitFor(() => expect(awardedRows()).toEqual([['만료자', '20190009', SUWON_DEPT.name, digital.name, '2027. 4. 1.', '2027. 1. 1.', '인증 만료', 'KOK-9999']]));
    expect(api.requests(AwardedQuery).filter((r) => r.variables.programId !== null)).not.toContainEqual(expect.objectContaining({ variables: expect.objectContaining({ after: 'p1' }) }));

    await user.click(within(region).getByRole('button', { name: t('certs.awardedExport') }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.requests(AwardedCsvQuery).map((r) => r.variables)).toEqual([{ programId: DIGITAL, organizationId: null, status: 'EXPIRED' }]);
    expect(saved[0]).toEqual({ download: t('certs.awardedFile', { program: digital.name, org: t('app.all') }) + '.csv', href: 'blob:kok/awarded' });
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0][0] as Blob;
    expect(await blob.text()).toBe('성명,사번\n만료자,20190009\n');
  });
});

describe('CertificationsPage for an organisation administrator', () => {
  const orgAdmin: Viewer = { id: 'VXNlcjoy', displayName: '수원시 담당자', email: 'suwon@example.kr', roles: ['ORG_ADMIN'], organization: SUWON };

  it('shows programmes and rules read-only, and the awarded and overdue lists', async () => {
    const { api } = setup({
      viewer: orgAdmin,
      awarded: () => ({ data: { certificationsAwarded: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
    });
    // Wait for the programmes and rules, so that a missing button is not merely not loaded yet.
    expect(await screen.findByRole('cell', { name: digital.code })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: violenceRule.name })).toBeInTheDocument();
    expect(screen.getByText(t('certs.instituteOnly'))).toBeInTheDocument();

    expect(screen.queryByRole('button', { name: t('certs.addRule') })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t('certs.addProgram') })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t('certs.editLabel', { name: violenceRule.name }) })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t('certs.deactivateLabel', { name: digital.name }) })).not.toBeInTheDocument();

    const awarded = screen.getByRole('region', { name: t('certs.awarded') });
    await waitFor(() => expect(within(awarded).getByRole('status')).toHaveTextContent(t('certs.awardedTotal', { count: 0 })));
    expect(within(awarded).getByRole('button', { name: t('certs.awardedExport') })).toBeInTheDocument();
    const overdue = screen.getByRole('region', { name: t('certs.overdue') });
    await waitFor(() => expect(within(overdue).getByRole('status')).toHaveTextContent(t('certs.overdueTotal', { count: 0 })));
    expect(within(overdue).getByRole('button', { name: t('certs.overdueExport') })).toBeInTheDocument();
    expect(api.requests(AwardedQuery)).toHaveLength(1);
  });
});
