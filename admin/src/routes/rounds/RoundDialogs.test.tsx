import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResultOf } from '../../graphql';
import { type Answer, createTestApi, renderWithApp, t } from '../../test/render';
import { OfferingDialog, RoundCreateDialog } from './RoundDialogs';
import { CoursePickerQuery } from '../../shell/pickers.documents';
import { CourseOfferingCreate, EnrollmentRoundCreate } from './rounds.documents';

describe('RoundCreateDialog', () => {
  beforeEach(() => {
    // Its defaults come from the clock: pin it (only Date; timers stay real).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-10T03:30:00Z')); // 12:30 in Korea
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(answer: () => Answer<ResultOf<typeof EnrollmentRoundCreate>>) {
    const api = createTestApi().on(EnrollmentRoundCreate, answer);
    const onDone = vi.fn();
    const view = renderWithApp(<RoundCreateDialog onClose={vi.fn()} onDone={onDone} />, api);
    const dialog = screen.getByRole('dialog', { name: t('rounds.manage.createTitle') });
    const field = (key: Parameters<typeof t>[0]) => within(dialog).getByLabelText(t(key), { exact: false, selector: 'input' });
    const submit = () => view.user.click(within(dialog).getByRole('button', { name: t('rounds.manage.create') }));
    return { ...view, api, onDone, field, submit };
  }

  it('sends the month, and the window set in Korea time as instants', async () => {
    const { user, api, onDone, field, submit } = setup(() => ({ data: { enrollmentRoundCreate: { round: { id: 'Um91bmQ6Mw==', month: '2027-03' }, userErrors: [] } } }));
    // Defaults: the month after next, registration from the next full hour for a week.
    expect(field('rounds.manage.month')).toHaveValue('2027-03');
    expect(field('rounds.manage.opensAt')).toHaveValue('2027-01-10T13:00');
    expect(field('rounds.manage.closesAt')).toHaveValue('2027-01-17T13:00');
    await user.clear(field('rounds.manage.roundMinimum'));
    await user.type(field('rounds.manage.roundMinimum'), '8');
    await submit();

    await waitFor(() => expect(onDone).toHaveBeenCalledWith('2027-03'));
    expect(api.requests(EnrollmentRoundCreate).map((r) => r.variables)).toEqual([
      { input: { month: '2027-03', opensAt: '2027-01-10T04:00:00.000Z', closesAt: '2027-01-17T04:00:00.000Z', minimumRegistrants: 8 } },
    ]);
  });

  it('shows userErrors next to their fields and puts the focus on the first of them', async () => {
    const { api, onDone, field, submit } = setup(() => ({
      data: {
        enrollmentRoundCreate: {
          round: null,
          userErrors: [
            { code: 'INVALID_MINIMUM', field: ['input', 'minimumRegistrants'], message: '최소 인원은 1명 이상이어야 합니다.' },
            { code: 'INVALID_WINDOW', field: ['input', 'closesAt'], message: '신청 마감은 강의 월 전에 끝나야 합니다.' },
          ],
        },
      },
    }));
    await submit();

    await waitFor(() => expect(field('rounds.manage.closesAt')).toHaveAttribute('aria-invalid', 'true'));
    expect(api.requests(EnrollmentRoundCreate)).toHaveLength(1);
    expect(field('rounds.manage.closesAt')).toHaveAccessibleDescription('신청 마감은 강의 월 전에 끝나야 합니다.');
    expect(field('rounds.manage.roundMinimum')).toHaveAccessibleDescription('최소 인원은 1명 이상이어야 합니다.');
    // Fields without an error keep their help text.
    expect(field('rounds.manage.opensAt')).not.toHaveAttribute('aria-invalid', 'true');
    expect(field('rounds.manage.opensAt')).toHaveAccessibleDescription(t('rounds.manage.kst'));
    // closesAt comes before the minimum in the form.
    expect(field('rounds.manage.closesAt')).toHaveFocus();
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('OfferingDialog (adding an offering to a round)', () => {
  const round = { id: 'Um91bmQ6MQ==', month: '2027-04', minimumRegistrants: 5 };
  const course = { id: 'Q291cnNlOjE=', code: 'D101', title: '공공 데이터 분석', format: 'IN_PERSON' as const, lengthMinutes: 90 };

  function setup(answer: () => Answer<ResultOf<typeof CourseOfferingCreate>>) {
    const api = createTestApi()
      .on(CoursePickerQuery, () => ({ data: { courses: { edges: [{ node: course }] } } }))
      .on(CourseOfferingCreate, answer);
    const onDone = vi.fn();
    const view = renderWithApp(<OfferingDialog round={round} siblings={[]} onClose={vi.fn()} onDone={onDone} />, api);
    const dialog = screen.getByRole('dialog', { name: t('rounds.manage.addOfferingTitle', { month: '2027-04' }) });
    const field = (key: Parameters<typeof t>[0]) => within(dialog).getByLabelText(t(key), { exact: false, selector: 'input' });
    const submit = () => view.user.click(within(dialog).getByRole('button', { name: t('rounds.manage.addOffering') }));
    return { ...view, api, onDone, dialog, field, submit };
  }

  it('refuses to submit without a course, before asking the API', async () => {
    const { api, dialog, submit } = setup(() => {
      throw new Error('must not be called');
    });
    await submit();

    const courseField = within(dialog).getByRole('combobox', { name: t('rounds.manage.course') });
    expect(courseField).toHaveAttribute('aria-invalid', 'true');
    expect(courseField).toHaveAccessibleDescription(t('rounds.manage.courseRequired'));
    expect(api.requests(CourseOfferingCreate)).toHaveLength(0);
  });

  it('sends the chosen course and the slot in Korea time, and shows a slot error on the date field', async () => {
    const { user, api, onDone, dialog, field, submit } = setup(() => ({
      data: { courseOfferingCreate: { offering: null, userErrors: [{ code: 'INVALID_SLOT', field: ['input', 'startsAt'], message: '신청 마감 이후의 날짜를 고르세요.' }] } },
    }));
    await user.click(within(dialog).getByRole('combobox', { name: t('rounds.manage.course') }));
    await user.click(await screen.findByRole('option', { name: '공공 데이터 분석 (D101)' }));
    await user.type(field('rounds.manage.place'), '101호');
    await user.clear(field('rounds.manage.capacity'));
    await user.type(field('rounds.manage.capacity'), '24');
    await submit();

    await waitFor(() => expect(api.requests(CourseOfferingCreate)).toHaveLength(1));
    expect(api.requests(CourseOfferingCreate)[0].variables).toEqual({
      input: {
        roundId: round.id,
        courseId: course.id,
        // Default slot: the 15th at 10:00 in Korea, as long as the course (90 minutes).
        startsAt: '2027-04-15T01:00:00.000Z',
        endsAt: '2027-04-15T02:30:00.000Z',
        place: '101호',
        onlineUrl: null,
        instructorName: null,
        capacity: 24,
        minimumRegistrants: null,
        eligibleOrganizationIds: [],
      },
    });
    // The API names startsAt; on screen the slot is chosen with the date field.
    await waitFor(() => expect(field('rounds.manage.date')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('rounds.manage.date')).toHaveAccessibleDescription('신청 마감 이후의 날짜를 고르세요.');
    // The keyboard lands on the field to fix.
    await waitFor(() => expect(field('rounds.manage.date')).toHaveFocus());
    expect(onDone).not.toHaveBeenCalled();
  });
});
