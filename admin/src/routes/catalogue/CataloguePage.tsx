import { Box, Button, IconButton, Link, List, ListItem, ListItemText, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { type ResultOf, readFragment, type VariablesOf } from '../../graphql';
import { useI18n } from '../../i18n';
import { ConfirmDialog, FormDialog, useCanManage } from '../../shell/dialogs';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError } from '../../shell/StatusViews';
import { CategoriesQuery } from '../demands/demands.documents';
import { fieldErrors } from '../login/field-errors';
import { afterFor, FIRST_PAGE, type PageCursors, recordPage } from '../servants/cursor-pages';
import { CourseCreate, CourseFields, CourseRetire, CoursesQuery, CourseUpdate, LearningResourceAdd, LearningResourceRemove } from './catalogue.documents';
import { useDebounced } from '../../shell/use-debounced';

type Course = ResultOf<typeof CourseFields>;
type OrderField = NonNullable<VariablesOf<typeof CoursesQuery>['orderBy']>['field'];
type Format = Course['format'];
type Status = Course['status'];
const SORTABLE: Record<string, OrderField> = { code: 'CODE', title: 'TITLE', lengthMinutes: 'LENGTH' };
const FORMATS: Format[] = ['IN_PERSON', 'LIVE_ONLINE', 'RECORDED'];
const KINDS = ['DOCUMENT', 'WEBSITE', 'VIDEO', 'BOOK', 'DATASET'] as const;
const PAGE_SIZES = [25, 50, 100];

type Editing = { kind: 'create' } | { kind: 'edit'; course: Course } | { kind: 'retire'; course: Course } | { kind: 'resources'; course: Course } | null;

export default function CataloguePage() {
  const { t, fmt } = useI18n();
  const canManage = useCanManage();
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [format, setFormat] = useState<Format | ''>('');
  const [status, setStatus] = useState<Status | 'ALL'>('ACTIVE');
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: PAGE_SIZES[0] });
  const [cursors, setCursors] = useState<PageCursors>(FIRST_PAGE);
  const [editing, setEditing] = useState<Editing>(null);
  const debounced = useDebounced(search.trim());
  const [categories] = useQuery({ query: CategoriesQuery });

  const filter = useMemo(() => {
    const f: NonNullable<VariablesOf<typeof CoursesQuery>['filter']> = { status: status === 'ALL' ? null : status };
    if (debounced) f.search = debounced;
    if (categoryId) f.categoryId = categoryId;
    if (format) f.format = format;
    return f;
  }, [debounced, categoryId, format, status]);
  const sort = sortModel[0];
  const orderBy = sort && SORTABLE[sort.field] ? { field: SORTABLE[sort.field], direction: sort.sort === 'desc' ? ('DESC' as const) : ('ASC' as const) } : undefined;
  const key = JSON.stringify([filter, orderBy, pagination.pageSize]);
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    if (pagination.page !== 0) setPagination((p) => ({ ...p, page: 0 }));
    if (cursors !== FIRST_PAGE) setCursors(FIRST_PAGE);
  }
  const after = afterFor(cursors, pagination.page);
  const [result, reexecute] = useQuery({ query: CoursesQuery, variables: { first: pagination.pageSize, after: after ?? null, filter, orderBy }, pause: after === undefined });
  const connection = result.data?.courses;
  useEffect(() => {
    if (!connection || result.stale) return;
    setCursors((c) => recordPage(c, pagination.page, connection.pageInfo.endCursor ?? null, connection.pageInfo.hasNextPage));
  }, [connection, result.stale, pagination.page]);
  const totalRef = useRef(0);
  if (connection) totalRef.current = connection.totalCount;
  const rows = connection?.edges.map((e) => readFragment(CourseFields, e.node)) ?? [];
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const columns = useMemo<GridColDef<Course>[]>(
    () => [
      { field: 'code', headerName: t('catalogue.fields.code'), width: 100 },
      { field: 'title', headerName: t('catalogue.fields.title'), flex: 1, minWidth: 220 },
      { field: 'category', headerName: t('catalogue.fields.category'), width: 140, sortable: false, valueGetter: (_v, row) => row.category.name },
      { field: 'format', headerName: t('catalogue.fields.format'), width: 120, sortable: false, valueFormatter: (v: Format) => t(`catalogue.format.${v}`) },
      { field: 'lengthMinutes', headerName: t('catalogue.fields.lengthMinutes'), width: 100, valueFormatter: (v: number) => t('catalogue.minutes', { count: fmt.number(v) }) },
      { field: 'creditValue', headerName: t('catalogue.fields.credits'), width: 80, sortable: false, valueFormatter: (v: string) => fmt.number(v) },
      { field: 'status', headerName: t('catalogue.fields.status'), width: 90, sortable: false, valueFormatter: (v: Status) => t(`catalogue.status.${v}`) },
      {
        field: 'actions',
        headerName: t('catalogue.fields.actions'),
        width: canManage ? 260 : 120,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', gap: 0.5 }}>
            <Button size="small" tabIndex={p.tabIndex} onClick={() => setEditing({ kind: 'resources', course: p.row })} aria-label={t('catalogue.resourcesOf', { title: p.row.title, count: fmt.number(p.row.resources.length) })}>
              {t('catalogue.resourcesCount', { count: fmt.number(p.row.resources.length) })}
            </Button>
            {canManage && p.row.status === 'ACTIVE' && (
              <>
                <Button size="small" tabIndex={p.tabIndex} onClick={() => setEditing({ kind: 'edit', course: p.row })} aria-label={t('catalogue.editOf', { title: p.row.title })}>
                  {t('catalogue.edit')}
                </Button>
                <Button size="small" color="error" tabIndex={p.tabIndex} onClick={() => setEditing({ kind: 'retire', course: p.row })} aria-label={t('catalogue.retireOf', { title: p.row.title })}>
                  {t('catalogue.retire')}
                </Button>
              </>
            )}
          </Box>
        ),
      },
    ],
    [t, fmt, canManage],
  );

  const categoryOptions = categories.data?.categories ?? [];
  return (
    <>
      <PageHeading title={t('catalogue.title')}>{t('catalogue.title')}</PageHeading>
      <Paper component="section" aria-labelledby="catalogue-filters" sx={{ p: 2, mb: 2 }}>
        <Typography id="catalogue-filters" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {t('catalogue.filters')}
        </Typography>
        <Box role="search" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <TextField id="course-search" size="small" type="search" label={t('catalogue.search')} helperText={t('catalogue.searchHelp')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <TextField id="course-category" select size="small" label={t('catalogue.fields.category')} value={categoryId} onChange={(e) => setCategoryId(e.target.value)} sx={{ minWidth: 180 }}>
            <MenuItem value="">{t('app.all')}</MenuItem>
            {categoryOptions.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.parent ? `${c.parent.name} › ${c.name}` : c.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField id="course-format" select size="small" label={t('catalogue.fields.format')} value={format} onChange={(e) => setFormat(e.target.value as Format | '')} sx={{ minWidth: 140 }}>
            <MenuItem value="">{t('app.all')}</MenuItem>
            {FORMATS.map((f) => (
              <MenuItem key={f} value={f}>
                {t(`catalogue.format.${f}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField id="course-status" select size="small" label={t('catalogue.fields.status')} value={status} onChange={(e) => setStatus(e.target.value as Status | 'ALL')} sx={{ minWidth: 120 }}>
            <MenuItem value="ALL">{t('app.all')}</MenuItem>
            <MenuItem value="ACTIVE">{t('catalogue.status.ACTIVE')}</MenuItem>
            <MenuItem value="RETIRED">{t('catalogue.status.RETIRED')}</MenuItem>
          </TextField>
          {canManage && (
            <Button variant="contained" onClick={() => setEditing({ kind: 'create' })} sx={{ ml: 'auto' }}>
              {t('catalogue.create')}
            </Button>
          )}
        </Box>
      </Paper>
      {result.error && <LoadError error={result.error} retry={refresh} />}
      <Typography role="status" aria-live="polite" sx={{ mb: 1 }}>
        {connection ? t('catalogue.total', { count: fmt.number(connection.totalCount) }) : t('app.loading')}
      </Typography>
      <Box sx={{ height: 640, width: '100%' }}>
        <DataGrid<Course>
          aria-label={t('catalogue.gridLabel')}
          rows={rows}
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
      {(editing?.kind === 'create' || editing?.kind === 'edit') && (
        <CourseDialog course={editing.kind === 'edit' ? editing.course : null} categories={categoryOptions} onClose={() => setEditing(null)} onDone={() => (setEditing(null), refresh())} />
      )}
      {editing?.kind === 'retire' && <RetireDialog course={editing.course} onClose={() => setEditing(null)} onDone={() => (setEditing(null), refresh())} />}
      {editing?.kind === 'resources' && <ResourcesDialog course={editing.course} canManage={canManage} onClose={() => (setEditing(null), refresh())} />}
    </>
  );
}

type CourseField = 'title' | 'code' | 'categoryId' | 'format' | 'lengthMinutes' | 'description' | 'tags';
const COURSE_FIELDS: readonly CourseField[] = ['title', 'code', 'categoryId', 'format', 'lengthMinutes', 'description', 'tags'];

function CourseDialog({ course, categories, onClose, onDone }: { course: Course | null; categories: readonly { id: string; name: string; parent: { name: string } | null }[]; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    title: course?.title ?? '',
    code: course?.code ?? '',
    categoryId: course?.category.id ?? '',
    format: course?.format ?? ('IN_PERSON' as Format),
    lengthMinutes: String(course?.lengthMinutes ?? 60),
    description: course?.description ?? '',
    tags: course?.tags.join(', ') ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<CourseField | 'form', string>>>({});
  const [createState, create] = useMutation(CourseCreate);
  const [updateState, update] = useMutation(CourseUpdate);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async () => {
    const common = {
      title: form.title,
      code: form.code.trim() || null,
      categoryId: form.categoryId,
      format: form.format,
      lengthMinutes: Number(form.lengthMinutes),
      description: form.description,
      tags: form.tags.split(',').map((s) => s.trim()).filter(Boolean),
    };
    const r = course ? await update({ input: { id: course.id, ...common, categoryId: common.categoryId || null } }) : await create({ input: common });
    if (r.error) return setErrors({ form: t('app.error') });
    const data = r.data as { courseCreate?: { userErrors: { field?: readonly string[] | null; message: string }[] }; courseUpdate?: { userErrors: { field?: readonly string[] | null; message: string }[] } };
    const errs = (data.courseCreate ?? data.courseUpdate)!.userErrors;
    if (errs.length) return setErrors(fieldErrors(errs, COURSE_FIELDS));
    onDone();
  };
  const err = (k: CourseField, help = ' ') => ({ error: Boolean(errors[k]), helperText: errors[k] ?? help });
  return (
    <FormDialog
      open
      title={course ? t('catalogue.editTitle', { title: course.title }) : t('catalogue.create')}
      submitLabel={t('catalogue.save')}
      busy={createState.fetching || updateState.fetching}
      formError={errors.form}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Box sx={{ display: 'grid', gap: 1, pt: 1 }}>
        <TextField id="course-title" autoFocus required fullWidth label={t('catalogue.fields.title')} value={form.title} onChange={set('title')} {...err('title')} />
        <TextField id="course-code" fullWidth label={t('catalogue.fields.code')} value={form.code} onChange={set('code')} {...err('code', t('catalogue.codeHelp'))} />
        <TextField id="course-category-field" select required fullWidth label={t('catalogue.fields.category')} value={form.categoryId} onChange={set('categoryId')} {...err('categoryId')}>
          {categories.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.parent ? `${c.parent.name} › ${c.name}` : c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField id="course-format-field" select required fullWidth label={t('catalogue.fields.format')} value={form.format} onChange={set('format')} {...err('format')}>
          {FORMATS.map((f) => (
            <MenuItem key={f} value={f}>
              {t(`catalogue.format.${f}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="course-length"
          type="number"
          required
          fullWidth
          label={t('catalogue.fields.lengthMinutes')}
          value={form.lengthMinutes}
          onChange={set('lengthMinutes')}
          slotProps={{ htmlInput: { min: 60, max: 120, step: 10 } }}
          {...err('lengthMinutes', t('catalogue.lengthHelp'))}
        />
        <TextField id="course-description" fullWidth multiline minRows={3} label={t('catalogue.fields.description')} value={form.description} onChange={set('description')} {...err('description')} />
        <TextField id="course-tags" fullWidth label={t('catalogue.fields.tags')} value={form.tags} onChange={set('tags')} {...err('tags', t('catalogue.tagsHelp'))} />
      </Box>
    </FormDialog>
  );
}

function RetireDialog({ course, onClose, onDone }: { course: Course; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [state, retire] = useMutation(CourseRetire);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    const r = await retire({ input: { id: course.id } });
    if (r.error) return setError(t('app.error'));
    const errs = r.data!.courseRetire.userErrors;
    if (errs.length) return setError(errs.map((e) => e.message).join(' '));
    onDone();
  };
  return (
    <ConfirmDialog
      open
      title={t('catalogue.retireTitle', { title: course.title })}
      message={t('catalogue.retireMessage')}
      confirmLabel={t('catalogue.retire')}
      busy={state.fetching}
      error={error}
      onClose={onClose}
      onConfirm={() => void confirm()}
    />
  );
}

type ResourceField = 'kind' | 'title' | 'url' | 'provider';

function ResourcesDialog({ course: initial, canManage, onClose }: { course: Course; canManage: boolean; onClose(): void }) {
  const { t } = useI18n();
  const [course, setCourse] = useState(initial);
  const [form, setForm] = useState({ kind: 'DOCUMENT' as (typeof KINDS)[number], title: '', url: '', provider: '' });
  const [errors, setErrors] = useState<Partial<Record<ResourceField | 'form', string>>>({});
  const [addState, add] = useMutation(LearningResourceAdd);
  const [, remove] = useMutation(LearningResourceRemove);
  const titleRef = useRef<HTMLInputElement>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async () => {
    const r = await add({ input: { courseId: course.id, kind: form.kind, title: form.title, url: form.url, provider: form.provider || null } });
    if (r.error) return setErrors({ form: t('app.error') });
    const p = r.data!.learningResourceAdd;
    if (p.userErrors.length) return setErrors(fieldErrors(p.userErrors, ['kind', 'title', 'url', 'provider'] as const));
    setErrors({});
    setCourse(readFragment(CourseFields, p.course!));
    setForm((f) => ({ ...f, title: '', url: '', provider: '' }));
    titleRef.current?.focus();
  };
  const drop = async (id: string) => {
    const r = await remove({ input: { id } });
    const p = r.data?.learningResourceRemove;
    if (r.error || !p) return setErrors({ form: t('app.error') });
    if (p.userErrors.length) return setErrors({ form: p.userErrors.map((e) => e.message).join(' ') });
    setCourse(readFragment(CourseFields, p.course!));
    titleRef.current?.focus();
  };
  const err = (k: ResourceField, help = ' ') => ({ error: Boolean(errors[k]), helperText: errors[k] ?? help });
  return (
    <FormDialog
      open
      title={t('catalogue.resourcesTitle', { title: course.title })}
      submitLabel={canManage ? t('catalogue.addResource') : undefined}
      cancelLabel={t('dialogs.close')}
      busy={addState.fetching}
      formError={errors.form}
      onClose={onClose}
      onSubmit={() => void submit()}
      maxWidth="md"
    >
      {course.resources.length === 0 ? (
        <Typography sx={{ mb: 2 }}>{t('catalogue.noResources')}</Typography>
      ) : (
        <List dense aria-label={t('catalogue.resources')}>
          {course.resources.map((r) => (
            <ListItem
              key={r.id}
              secondaryAction={
                canManage ? (
                  <IconButton edge="end" onClick={() => void drop(r.id)} aria-label={t('catalogue.removeResource', { title: r.title })}>
                    <span aria-hidden>✕</span>
                  </IconButton>
                ) : undefined
              }
            >
              <ListItemText
                primary={
                  <Link href={r.url} target="_blank" rel="noreferrer">
                    {r.title}
                  </Link>
                }
                secondary={[t(`catalogue.kind.${r.kind}`), r.provider].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {canManage && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 2fr' }, gap: 1, pt: 1 }}>
          <TextField id="resource-kind" select label={t('catalogue.resourceFields.kind')} value={form.kind} onChange={set('kind')} {...err('kind')}>
            {KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`catalogue.kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField id="resource-title" inputRef={titleRef} autoFocus label={t('catalogue.resourceFields.title')} value={form.title} onChange={set('title')} {...err('title')} />
          <TextField id="resource-provider" label={t('catalogue.resourceFields.provider')} value={form.provider} onChange={set('provider')} {...err('provider')} />
          <TextField id="resource-url" type="url" label={t('catalogue.resourceFields.url')} value={form.url} onChange={set('url')} {...err('url', 'https://…')} />
        </Box>
      )}
    </FormDialog>
  );
}
