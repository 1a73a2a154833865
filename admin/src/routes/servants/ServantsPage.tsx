import { Autocomplete, Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf, VariablesOf } from '../../graphql';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError } from '../../shell/StatusViews';
import { afterFor, FIRST_PAGE, type PageCursors, recordPage } from './cursor-pages';
import { OrganizationOptionsQuery, ServantsQuery } from './servants.documents';
import { useDebounced } from '../../shell/use-debounced';

type Row = ResultOf<typeof ServantsQuery>['servants']['edges'][number]['node'];
type OrderField = NonNullable<VariablesOf<typeof ServantsQuery>['orderBy']>['field'];
type OrgOption = ResultOf<typeof OrganizationOptionsQuery>['organizations']['edges'][number]['node'];

/** Grid columns that the server can sort by, and its name for each. */
const SORTABLE: Record<string, OrderField> = { name: 'NAME', employeeNumber: 'EMPLOYEE_NUMBER', grade: 'GRADE', hireDate: 'HIRE_DATE' };
const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const PAGE_SIZES = [25, 50, 100];

/** Waits until typing pauses before asking the server again. */
export default function ServantsPage() {
  const { t, fmt } = useI18n();
  const [search, setSearch] = useState('');
  const [jobSeries, setJobSeries] = useState('');
  const [grade, setGrade] = useState<number | ''>('');
  const [organization, setOrganization] = useState<OrgOption | null>(null);
  const [orgInput, setOrgInput] = useState('');
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: PAGE_SIZES[0] });
  const [cursors, setCursors] = useState<PageCursors>(FIRST_PAGE);

  const debouncedSearch = useDebounced(search.trim());
  const debouncedJobSeries = useDebounced(jobSeries.trim());

  const filter = useMemo(() => {
    const f: NonNullable<VariablesOf<typeof ServantsQuery>['filter']> = {};
    if (debouncedSearch) f.search = debouncedSearch;
    if (debouncedJobSeries) f.jobSeries = debouncedJobSeries;
    if (grade !== '') f.grade = grade;
    if (organization) f.organizationId = organization.id;
    return f;
  }, [debouncedSearch, debouncedJobSeries, grade, organization]);
  const sort = sortModel[0];
  const orderBy = sort && SORTABLE[sort.field] ? { field: SORTABLE[sort.field], direction: sort.sort === 'desc' ? ('DESC' as const) : ('ASC' as const) } : undefined;

  // A new filter, sort or page size starts from the first page.
  const queryKey = JSON.stringify([filter, orderBy, pagination.pageSize]);
  const lastKey = useRef(queryKey);
  if (lastKey.current !== queryKey) {
    lastKey.current = queryKey;
    if (pagination.page !== 0) setPagination((p) => ({ ...p, page: 0 }));
    if (cursors !== FIRST_PAGE) setCursors(FIRST_PAGE);
  }

  const after = afterFor(cursors, pagination.page);
  const [result, reexecute] = useQuery({
    query: ServantsQuery,
    variables: { first: pagination.pageSize, after: after ?? null, filter, orderBy },
    pause: after === undefined,
  });
  const connection = result.data?.servants;

  useEffect(() => {
    if (!connection || result.stale) return;
    setCursors((c) => recordPage(c, pagination.page, connection.pageInfo.endCursor ?? null, connection.pageInfo.hasNextPage));
  }, [connection, result.stale, pagination.page]);

  // Keep the last known total while the next page loads, so that the pager does not jump.
  const totalRef = useRef(0);
  if (connection) totalRef.current = connection.totalCount;

  const [orgResult] = useQuery({ query: OrganizationOptionsQuery, variables: { search: useDebounced(orgInput.trim()) || null } });
  const orgOptions = orgResult.data?.organizations.edges.map((e) => e.node) ?? [];

  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      { field: 'employeeNumber', headerName: t('servants.columns.employeeNumber'), width: 120 },
      {
        field: 'name',
        headerName: t('servants.columns.name'),
        width: 120,
        renderCell: (p) => (
          <RouterLink to={`/servants/${encodeURIComponent(p.row.id)}`} tabIndex={p.tabIndex} aria-label={t('servants.openProfile', { name: p.row.name })}>
            {p.row.name}
          </RouterLink>
        ),
      },
      { field: 'organization', headerName: t('servants.columns.organization'), width: 110, sortable: false, valueGetter: (_v, row) => row.organization.name },
      { field: 'department', headerName: t('servants.columns.department'), flex: 1, minWidth: 140, sortable: false, valueGetter: (_v, row) => row.department?.name ?? '' },
      { field: 'jobSeries', headerName: t('servants.columns.jobSeries'), width: 100, sortable: false },
      { field: 'grade', headerName: t('servants.columns.grade'), width: 90, valueFormatter: (v: number) => t('servants.gradeValue', { grade: v }) },
      { field: 'position', headerName: t('servants.columns.position'), width: 110, sortable: false },
      { field: 'hireDate', headerName: t('servants.columns.hireDate'), width: 140, valueFormatter: (v: string | null) => (v ? fmt.localDate(v) : '') },
    ],
    [t, fmt],
  );

  const clear = () => {
    setSearch('');
    setJobSeries('');
    setGrade('');
    setOrganization(null);
    setOrgInput('');
  };

  return (
    <>
      <PageHeading title={t('servants.title')}>{t('servants.title')}</PageHeading>
      <Button component={RouterLink} to="/servants/import" variant="outlined" sx={{ mb: 2 }}>
        {t('servantImport.open')}
      </Button>
      <Paper component="section" aria-labelledby="servant-filters" sx={{ p: 2, mb: 2 }}>
        <Typography id="servant-filters" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {t('servants.filters')}
        </Typography>
        <Box role="search" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <TextField
            id="filter-search"
            label={t('servants.search')}
            helperText={t('servants.searchHelp')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            size="small"
            type="search"
          />
          <TextField
            id="filter-job-series"
            label={t('servants.jobSeries')}
            helperText={t('servants.jobSeriesHelp')}
            value={jobSeries}
            onChange={(e) => setJobSeries(e.target.value)}
            size="small"
          />
          <TextField
            id="filter-grade"
            select
            label={t('servants.grade')}
            value={grade}
            onChange={(e) => setGrade(e.target.value === '' ? '' : Number(e.target.value))}
            size="small"
            sx={{ minWidth: 110 }}
          >
            <MenuItem value="">{t('app.all')}</MenuItem>
            {GRADES.map((g) => (
              <MenuItem key={g} value={g}>
                {t('servants.gradeValue', { grade: g })}
              </MenuItem>
            ))}
          </TextField>
          <Autocomplete
            id="filter-organization"
            sx={{ minWidth: 260 }}
            size="small"
            options={orgOptions}
            value={organization}
            onChange={(_e, v) => setOrganization(v)}
            inputValue={orgInput}
            onInputChange={(_e, v) => setOrgInput(v)}
            filterOptions={(x) => x}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            getOptionLabel={(o) => (o.parent && o.kind === 'DEPARTMENT' ? `${o.parent.name} ${o.name}` : o.name)}
            noOptionsText={t('servants.noOrganizations')}
            loadingText={t('app.loading')}
            loading={orgResult.fetching}
            renderInput={(params) => <TextField {...params} label={t('servants.organization')} placeholder={t('servants.organizationPlaceholder')} />}
          />
          <Button onClick={clear} variant="outlined">
            {t('servants.clearFilters')}
          </Button>
        </Box>
      </Paper>
      {result.error && <LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <Typography role="status" aria-live="polite" sx={{ mb: 1 }}>
        {connection ? t('servants.total', { count: fmt.number(connection.totalCount) }) : t('app.loading')}
      </Typography>
      <Box sx={{ height: 640, width: '100%' }}>
        <DataGrid<Row>
          aria-label={t('servants.gridLabel')}
          rows={connection?.edges.map((e) => e.node) ?? []}
          columns={columns}
          getRowId={(r) => r.id}
          loading={result.fetching || after === undefined}
          rowCount={totalRef.current}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          disableRowSelectionOnClick
          pageSizeOptions={PAGE_SIZES}
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          sortModel={sortModel}
          onSortModelChange={setSortModel}
          sortingOrder={['asc', 'desc', null]}

        />
      </Box>
    </>
  );
}
