import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResultOf, VariablesOf } from '../../graphql';
import { createTestApi, renderWithApp, t } from '../../test/render';
import ServantsPage from './ServantsPage';
import { ServantsQuery } from './servants.documents';

type Servant = ResultOf<typeof ServantsQuery>['servants']['edges'][number]['node'];

/** 60 servants, 공무원01 … 공무원60, in employee-number order. */
const ALL: Servant[] = Array.from({ length: 60 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return {
    id: `U2VydmFudDo${n}`,
    employeeNumber: `2000${n}`,
    name: `공무원${n}`,
    jobSeries: i % 2 ? '행정' : '전산',
    grade: (i % 9) + 1,
    position: '주무관',
    hireDate: '2020-03-02',
    organization: { id: 'T3JnOjI=', name: '수원시' },
    department: null,
  };
});

/**
 * A server that pages by keyset like the API: `after` is the employee number the previous page
 * ended at, the order is by name ascending or descending, and only the search filter is applied.
 */
function answerServants(vars: VariablesOf<typeof ServantsQuery>) {
  let rows = vars.filter?.search ? ALL.filter((s) => s.name.includes(vars.filter!.search!)) : ALL;
  if (vars.orderBy?.direction === 'DESC') rows = [...rows].reverse();
  const start = vars.after ? rows.findIndex((s) => s.employeeNumber === vars.after) + 1 : 0;
  const page = rows.slice(start, start + vars.first);
  return {
    data: {
      servants: {
        totalCount: rows.length,
        pageInfo: { hasNextPage: start + vars.first < rows.length, endCursor: page.at(-1)?.employeeNumber ?? null },
        edges: page.map((node) => ({ node })),
      },
    },
  };
}

function setup() {
  const api = createTestApi().on(ServantsQuery, answerServants);
  const view = renderWithApp(<ServantsPage />, api, { route: '/servants' });
  const grid = screen.getByRole('grid', { name: t('servants.gridLabel') });
  /** The names in the grid's body, top to bottom. */
  const names = () =>
    within(grid)
      .queryAllByRole('link')
      .map((a) => a.textContent);
  const lastVariables = () => api.requests(ServantsQuery).at(-1)!.variables;
  return { ...view, api, grid, names, lastVariables };
}

describe('ServantsPage (server-side paged, sorted and filtered list)', () => {
  it('asks for the first page and shows the rows and the total the server returned', async () => {
    const { api, names } = setup();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(t('servants.total', { count: 60 })));
    expect(api.requests(ServantsQuery)).toHaveLength(1);
    expect(api.requests(ServantsQuery)[0].variables).toEqual({ first: 25, after: null, filter: {}, orderBy: undefined });
    expect(names()).toHaveLength(25);
    expect(names()[0]).toBe('공무원01');
    expect(names()[24]).toBe('공무원25');
  });

  it('sorts on the server: a click on a column header sends orderBy, and the rows follow the server', async () => {
    const { user, grid, names, lastVariables } = setup();
    await screen.findByText('공무원01');
    const nameHeader = within(grid).getByRole('columnheader', { name: t('servants.columns.name') });

    await user.click(nameHeader);
    await waitFor(() => expect(lastVariables().orderBy).toEqual({ field: 'NAME', direction: 'ASC' }));
    await user.click(nameHeader);
    await waitFor(() => expect(lastVariables().orderBy).toEqual({ field: 'NAME', direction: 'DESC' }));
    expect(lastVariables()).toMatchObject({ first: 25, after: null });
    // The grid shows what the server sent, in its order (it does not sort the page itself).
    await waitFor(() => expect(names()[0]).toBe('공무원60'));
    expect(names()[24]).toBe('공무원36');
  });

  it('filters on the server: typed search and a chosen grade go into `filter`', async () => {
    const { user, names, lastVariables } = setup();
    await screen.findByText('공무원01');

    await user.type(screen.getByRole('searchbox', { name: t('servants.search') }), '공무원1');
    await waitFor(() => expect(lastVariables().filter).toEqual({ search: '공무원1' }));
    await waitFor(() => expect(names()).toEqual(['공무원10', '공무원11', '공무원12', '공무원13', '공무원14', '공무원15', '공무원16', '공무원17', '공무원18', '공무원19']));
    expect(screen.getByRole('status')).toHaveTextContent(t('servants.total', { count: 10 }));

    await user.click(screen.getByRole('combobox', { name: t('servants.grade') }));
    await user.click(await screen.findByRole('option', { name: t('servants.gradeValue', { grade: 7 }) }));
    await waitFor(() => expect(lastVariables().filter).toEqual({ search: '공무원1', grade: 7 }));
    expect(lastVariables()).toMatchObject({ first: 25, after: null });
  });

  it('pages with the end cursor of the page before, and a new filter starts again from the first page', async () => {
    const { user, names, lastVariables } = setup();
    await screen.findByText('공무원01');

    await user.click(screen.getByRole('button', { name: /다음 페이지/ }));
    await waitFor(() => expect(lastVariables()).toMatchObject({ first: 25, after: '200025' }));
    await waitFor(() => expect(names()[0]).toBe('공무원26'));
    expect(names()).toHaveLength(25);

    await user.click(screen.getByRole('button', { name: /다음 페이지/ }));
    await waitFor(() => expect(lastVariables()).toMatchObject({ after: '200050' }));
    await waitFor(() => expect(names()).toEqual(ALL.slice(50).map((s) => s.name)));

    // On the third page, a search: the cursors of the old result no longer apply.
    await user.type(screen.getByRole('searchbox', { name: t('servants.search') }), '공무원5');
    await waitFor(() => expect(lastVariables()).toEqual({ first: 25, after: null, filter: { search: '공무원5' }, orderBy: undefined }));
    await waitFor(() => expect(names()).toEqual(ALL.slice(49, 59).map((s) => s.name)));
  });
});
