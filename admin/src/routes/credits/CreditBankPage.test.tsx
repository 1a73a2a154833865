import { screen, waitFor, within } from '@testing-library/react';
import { maskFragments } from 'gql.tada';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResultOf } from '../../graphql';
import { type Answer, createTestApi, renderWithApp, t } from '../../test/render';
import CreditBankPage from './CreditBankPage';
import { CategoryOptionsQuery, CreditLedgerEntryFields, CreditLedgerQuery, CreditRecordMutation } from './credits.documents';

const SERVANT = 'U2VydmFudDox';

const ledger: ResultOf<typeof CreditLedgerQuery> = {
  node: {
    __typename: 'Servant',
    id: SERVANT,
    name: '김하늘',
    employeeNumber: '20240001',
    organization: { id: 'T3JnOjI=', name: '수원시' },
    creditSummary: { balance: '3', earnedThisYear: '3' },
    creditTransactions: {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: 'c1' },
      edges: [
        {
          node: maskFragments([CreditLedgerEntryFields], {
            id: 'Q3JlZGl0OjE=',
            kind: 'EARNED',
            amount: '3',
            hours: '3',
            occurredOn: '2027-02-10',
            recordedAt: '2027-02-10T06:00:00.000Z',
            reason: '이수',
            subjectTitle: null,
            evidence: null,
            category: null,
            course: { id: 'Q291cnNlOjE=', title: '공공 데이터 분석' },
            reverses: null,
            reversedBy: null,
          }),
        },
      ],
    },
  },
};

type RecordResult = ResultOf<typeof CreditRecordMutation>;

function setup(recordAnswer: () => Answer<RecordResult>) {
  const api = createTestApi()
    .on(CreditLedgerQuery, () => ({ data: ledger }))
    .on(CategoryOptionsQuery, () => ({
      data: {
        categories: [
          { id: 'Q2F0OjE=', name: '직무', parent: null },
          { id: 'Q2F0OjI=', name: '디지털', parent: { id: 'Q2F0OjE=' } },
        ],
      },
    }))
    .on(CreditRecordMutation, recordAnswer);
  const view = renderWithApp(<CreditBankPage />, api, { route: `/credits?servant=${SERVANT}` });
  return { ...view, api };
}

/** Opens the record dialog from the ledger, as a person would. */
async function openRecordDialog(user: ReturnType<typeof setup>['user']) {
  await user.click(await screen.findByRole('button', { name: t('credits.record') }));
  const dialog = await screen.findByRole('dialog', { name: t('credits.recordTitle') });
  const field = (key: Parameters<typeof t>[0]) => within(dialog).getByRole('textbox', { name: t(key) });
  return { dialog, field, submit: () => user.click(within(dialog).getByRole('button', { name: t('credits.submit') })) };
}

describe('CreditBankPage: the record dialog (a form with client checks and server userErrors)', () => {
  beforeEach(() => {
    // The dialog's default date is today in Korea: pin the clock (only Date; timers stay real).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-10T16:30:00Z')); // 2027-03-11 01:30 in Korea
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses an obviously bad entry before it reaches the API, and says why next to each field', async () => {
    const { user, api } = setup(() => {
      throw new Error('must not be called');
    });
    const { field, submit } = await openRecordDialog(user);

    await user.type(field('credits.fields.amount'), '1.255');
    await user.type(field('credits.fields.reason'), '외부 자격 취득');
    await submit();

    expect(api.requests(CreditRecordMutation)).toHaveLength(0);
    const amount = field('credits.fields.amount');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(t('credits.amountInvalid'));
    // A recognised credit needs a title and evidence.
    expect(field('credits.fields.title')).toHaveAccessibleDescription(t('credits.required'));
    expect(field('credits.fields.evidence')).toHaveAttribute('aria-invalid', 'true');
    expect(field('credits.fields.reason')).not.toHaveAttribute('aria-invalid', 'true');
    // The first field in error (in form order) takes the focus.
    await waitFor(() => expect(amount).toHaveFocus());
  });

  it('sends what was typed, with the Korea date of today, and reports the recorded amount', async () => {
    const { user, api } = setup(() => ({ data: { creditTransactionRecord: { transaction: { id: 'Q3JlZGl0OjI=', amount: '1.50' }, userErrors: [] } } }));
    const { dialog, field, submit } = await openRecordDialog(user);

    await user.type(field('credits.fields.amount'), ' 1.5 ');
    await user.type(field('credits.fields.title'), '정보처리기사');
    await user.type(field('credits.fields.evidence'), '자격번호 27-001');
    await user.click(within(dialog).getByRole('combobox', { name: t('credits.fields.category') }));
    await user.click(await screen.findByRole('option', { name: '— 디지털' }));
    await user.type(field('credits.fields.hours'), '12');
    await user.type(field('credits.fields.reason'), '외부 자격 취득');
    await submit();

    await waitFor(() => expect(api.requests(CreditRecordMutation)).toHaveLength(1));
    expect(api.requests(CreditRecordMutation)[0].variables).toEqual({
      input: {
        servantId: SERVANT,
        kind: 'RECOGNIZED',
        amount: '1.5',
        title: '정보처리기사',
        evidence: '자격번호 27-001',
        categoryId: 'Q2F0OjI=',
        hours: '12',
        occurredOn: '2027-03-11',
        reason: '외부 자격 취득',
        idempotencyKey: expect.stringMatching(/^[0-9a-f-]{32,36}$/),
      },
    });
    // Done: the dialog closes, the notice says what was recorded, and the ledger is asked for again.
    expect(await screen.findByText(t('credits.recorded', { amount: '1.5' }))).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.requests(CreditLedgerQuery).at(-1)?.requestPolicy).toBe('network-only');
  });

  it('puts the Korean messages of userErrors next to their fields and moves the focus to the first', async () => {
    const { user, api } = setup(() => ({
      data: {
        creditTransactionRecord: {
          transaction: null,
          userErrors: [
            { code: 'INVALID_DATE', field: ['input', 'occurredOn'], message: '취득일이 올바르지 않습니다.' },
            { code: 'DUPLICATE_SUBJECT', field: ['input', 'title'], message: '같은 해에 이미 인정된 교육입니다.' },
            { code: 'YEARLY_CAP_EXCEEDED', field: null, message: '올해 인정 한도를 넘습니다.' },
          ],
        },
      },
    }));
    const { dialog, field, submit } = await openRecordDialog(user);

    await user.type(field('credits.fields.amount'), '2');
    await user.type(field('credits.fields.title'), '정보처리기사');
    await user.type(field('credits.fields.evidence'), '자격번호 27-001');
    await user.type(field('credits.fields.reason'), '외부 자격 취득');
    await submit();

    await waitFor(() => expect(field('credits.fields.title')).toHaveAttribute('aria-invalid', 'true'));
    expect(api.requests(CreditRecordMutation)).toHaveLength(1);
    expect(field('credits.fields.title')).toHaveAccessibleDescription('같은 해에 이미 인정된 교육입니다.');
    const date = within(dialog).getByLabelText(t('credits.fields.occurredOn'), { exact: false });
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription('취득일이 올바르지 않습니다.');
    expect(field('credits.fields.amount')).not.toHaveAttribute('aria-invalid', 'true');
    // An error for no field is shown for the whole form.
    expect(within(dialog).getByText('올해 인정 한도를 넘습니다.')).toBeInTheDocument();
    // Title comes before the date in the form: it takes the focus. The dialog stays open.
    await waitFor(() => expect(field('credits.fields.title')).toHaveFocus());
    expect(dialog).toBeInTheDocument();
  });
});
