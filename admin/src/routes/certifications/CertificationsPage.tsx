import {
  Alert,
  Autocomplete,
  Box,
  Button,
  IconButton,
  LinearProgress,
  MenuItem,
  FormControlLabel,
  Paper,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { type AnyVariables, type OperationResult, type TypedDocumentNode, useClient, useMutation, useQuery, type UseQueryArgs } from 'urql';
import { useViewer } from '../../auth/AuthProvider';
import { type ResultOf, readFragment } from '../../graphql';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../shell/PageHeading';
import { useDebounced } from '../../shell/use-debounced';
import { LoadError, Loading } from '../../shell/StatusViews';
import { CategoryOptionsQuery } from '../credits/credits.documents';
import { formatDecimal, isDecimalInput } from '../credits/decimal';
import { FormDialog, saveText } from '../credits/ui';
import { fieldErrors, focusFirstError } from '../login/field-errors';
import { CoursePicker, type CourseChoice, CoursesPicker, type OrganizationChoice, OrganizationsPicker } from '../../shell/pickers';
import { StatusChip } from '../servants/ProfileLearningSections';
import { OrganizationOptionsQuery } from '../servants/servants.documents';
import {
  AwardedCsvQuery,
  AwardedQuery,
  CertificationProgramFields,
  CertificationsAdminQuery,
  MandatoryRuleFields,
  OverdueCsvQuery,
  OverdueQuery,
  ProgramCreateMutation,
  ProgramDeactivateMutation,
  ProgramUpdateMutation,
  RuleCreateMutation,
  RuleDeactivateMutation,
  RuleUpdateMutation,
} from './certifications.documents';

type Program = ResultOf<typeof CertificationProgramFields>;
type Rule = ResultOf<typeof MandatoryRuleFields>;
type OrgOption = ResultOf<typeof OrganizationOptionsQuery>['organizations']['edges'][number]['node'];

function currentYearKst(): number {
  return new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
}

function Section({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography id={id} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Paper>
  );
}

function ActiveChip({ active }: { active: boolean }) {
  const { t } = useI18n();
  return <StatusChip tone={active ? 'success' : 'default'} label={active ? t('certs.active') : t('certs.inactive')} />;
}

export default function CertificationsPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  // Programmes and rules are changed by the institute only (the API refuses others); organisation
  // administrators read them and follow who is overdue in their subtree.
  const canManage = viewer.roles.includes('INSTITUTE_ADMIN');
  const [result, reexecute] = useQuery({ query: CertificationsAdminQuery });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const [editingProgram, setEditingProgram] = useState<Program | 'new' | null>(null);
  const [editingRule, setEditingRule] = useState<Rule | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<{ kind: 'program' | 'rule'; id: string; name: string } | null>(null);

  const programs = result.data?.certificationPrograms.edges.map((e) => readFragment(CertificationProgramFields, e.node)) ?? [];
  const rules = result.data?.mandatoryTrainingRules.edges.map((e) => readFragment(MandatoryRuleFields, e.node)) ?? [];

  return (
    <>
      <PageHeading title={t('certs.title')}>{t('certs.title')}</PageHeading>
      {!canManage && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('certs.instituteOnly')}
        </Alert>
      )}
      {result.error && <LoadError error={result.error} retry={refresh} />}
      {!result.data && !result.error && <Loading />}
      {result.data && (
        <>
          <Section
            id="certs-programs"
            title={t('certs.programs')}
            action={
              canManage && (
                <Button variant="contained" onClick={() => setEditingProgram('new')}>
                  {t('certs.addProgram')}
                </Button>
              )
            }
          >
            <ProgramTable programs={programs} canManage={canManage} onEdit={setEditingProgram} onDeactivate={(p) => setDeactivating({ kind: 'program', id: p.id, name: p.name })} />
          </Section>
          <Section
            id="certs-rules"
            title={t('certs.rules')}
            action={
              canManage && (
                <Button variant="contained" onClick={() => setEditingRule('new')}>
                  {t('certs.addRule')}
                </Button>
              )
            }
          >
            <RuleTable rules={rules} canManage={canManage} onEdit={setEditingRule} onDeactivate={(r) => setDeactivating({ kind: 'rule', id: r.id, name: r.name })} />
          </Section>
        </>
      )}
      <AwardedSection programs={programs} />
      <OverdueSection />
      {editingProgram && (
        <ProgramDialog
          program={editingProgram === 'new' ? null : editingProgram}
          onClose={() => setEditingProgram(null)}
          onDone={() => {
            setEditingProgram(null);
            refresh();
          }}
        />
      )}
      {editingRule && (
        <RuleDialog
          rule={editingRule === 'new' ? null : editingRule}
          onClose={() => setEditingRule(null)}
          onDone={() => {
            setEditingRule(null);
            refresh();
          }}
        />
      )}
      {deactivating && (
        <DeactivateDialog
          target={deactivating}
          onClose={() => setDeactivating(null)}
          onDone={() => {
            setDeactivating(null);
            refresh();
          }}
        />
      )}
    </>
  );
}

function ProgramTable({ programs, canManage, onEdit, onDeactivate }: { programs: Program[]; canManage: boolean; onEdit: (p: Program) => void; onDeactivate: (p: Program) => void }) {
  const { t } = useI18n();
  const months = (m: number | null | undefined) => (m ? t('certs.months', { months: m }) : t('certs.noLimit'));
  if (programs.length === 0) return <Typography>{t('certs.noPrograms')}</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-labelledby="certs-programs">
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('certs.programColumns.code')}</TableCell>
            <TableCell scope="col">{t('certs.programColumns.name')}</TableCell>
            <TableCell scope="col" align="right">
              {t('certs.programColumns.total')}
            </TableCell>
            <TableCell scope="col">{t('certs.programColumns.minimums')}</TableCell>
            <TableCell scope="col">{t('certs.programColumns.window')}</TableCell>
            <TableCell scope="col">{t('certs.programColumns.validity')}</TableCell>
            <TableCell scope="col">{t('certs.programColumns.status')}</TableCell>
            {canManage && <TableCell scope="col">{t('certs.programColumns.actions')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {programs.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{p.code}</TableCell>
              <TableCell>
                {p.name}
                {p.requirements.requiredCourses.length > 0 && (
                  <Typography variant="body2" color="text.secondary">
                    {t('certs.requiredCourses', { courses: p.requirements.requiredCourses.map((c) => c.title).join(', ') })}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">{t('learning.creditsValue', { amount: formatDecimal(p.requirements.totalCredits) })}</TableCell>
              <TableCell>{p.requirements.categoryMinimums.map((m) => `${m.category.name} ${formatDecimal(m.credits)}`).join(', ') || t('app.none')}</TableCell>
              <TableCell>{months(p.requirements.windowMonths)}</TableCell>
              <TableCell>{months(p.requirements.validityMonths)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <ActiveChip active={p.active} />
              </TableCell>
              {canManage && (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => onEdit(p)} aria-label={t('certs.editLabel', { name: p.name })}>
                    {t('certs.edit')}
                  </Button>
                  {p.active && (
                    <Button size="small" color="error" onClick={() => onDeactivate(p)} aria-label={t('certs.deactivateLabel', { name: p.name })}>
                      {t('certs.deactivate')}
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function ruleTarget(r: Rule, t: ReturnType<typeof useI18n>['t']): string {
  const parts: string[] = [];
  if (r.gradeMin != null || r.gradeMax != null) parts.push(t('certs.grades', { min: r.gradeMin ?? 1, max: r.gradeMax ?? 9 }));
  if (r.jobSeries.length) parts.push(r.jobSeries.join(', '));
  if (r.trigger !== 'NONE') parts.push(t(`certs.trigger.${r.trigger}`));
  if (r.organizations.length) parts.push(r.organizations.map((o) => o.name).join(', '));
  return parts.join(' · ') || t('certs.allServants');
}

function RuleTable({ rules, canManage, onEdit, onDeactivate }: { rules: Rule[]; canManage: boolean; onEdit: (r: Rule) => void; onDeactivate: (r: Rule) => void }) {
  const { t } = useI18n();
  if (rules.length === 0) return <Typography>{t('certs.noRules')}</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-labelledby="certs-rules">
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('certs.ruleColumns.name')}</TableCell>
            <TableCell scope="col">{t('certs.ruleColumns.target')}</TableCell>
            <TableCell scope="col">{t('certs.ruleColumns.what')}</TableCell>
            <TableCell scope="col" align="right">
              {t('certs.ruleColumns.hours')}
            </TableCell>
            <TableCell scope="col">{t('certs.ruleColumns.frequency')}</TableCell>
            <TableCell scope="col">{t('certs.ruleColumns.legalBasis')}</TableCell>
            <TableCell scope="col">{t('certs.ruleColumns.status')}</TableCell>
            {canManage && <TableCell scope="col">{t('certs.ruleColumns.actions')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rules.map((r) => (
            <TableRow key={r.id}>
              <TableCell>{r.name}</TableCell>
              <TableCell>{ruleTarget(r, t)}</TableCell>
              <TableCell>{[r.course?.title, r.category?.name, r.topicKeyword].filter(Boolean).join(' · ')}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {t('learning.hoursValue', { hours: formatDecimal(r.hours) })}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`certs.frequency.${r.frequency}`, { months: r.withinMonths ?? '' })}</TableCell>
              <TableCell>{r.legalBasis}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <ActiveChip active={r.active} />
              </TableCell>
              {canManage && (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => onEdit(r)} aria-label={t('certs.editLabel', { name: r.name })}>
                    {t('certs.edit')}
                  </Button>
                  {r.active && (
                    <Button size="small" color="error" onClick={() => onDeactivate(r)} aria-label={t('certs.deactivateLabel', { name: r.name })}>
                      {t('certs.deactivate')}
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const intOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

const PROGRAM_FIELDS = ['code', 'name', 'description', 'totalCredits', 'windowMonths', 'validityMonths', 'categoryMinimums', 'requiredCourseIds'] as const;
type ProgramField = (typeof PROGRAM_FIELDS)[number];

function ProgramDialog({ program, onClose, onDone }: { program: Program | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [categories] = useQuery({ query: CategoryOptionsQuery });
  const [v, setV] = useState({
    code: program?.code ?? '',
    name: program?.name ?? '',
    description: program?.description ?? '',
    totalCredits: program?.requirements.totalCredits ?? '',
    windowMonths: program?.requirements.windowMonths?.toString() ?? '',
    validityMonths: program?.requirements.validityMonths?.toString() ?? '',
  });
  const [minimums, setMinimums] = useState(program?.requirements.categoryMinimums.map((m) => ({ categoryId: m.category.id, credits: m.credits })) ?? []);
  // Required courses kept only by title (no longer in the catalogue) cannot be chosen again: the
  // list is sent only when it was changed, so that saving other fields keeps them.
  const [requiredCourses, setRequiredCourses] = useState<CourseChoice[]>(program?.requirements.requiredCourses.flatMap((c) => (c.course ? [c.course] : [])) ?? []);
  const [requiredChanged, setRequiredChanged] = useState(false);
  const titleOnly = program?.requirements.requiredCourses.filter((c) => !c.course).map((c) => c.title) ?? [];
  const [errors, setErrors] = useState<Partial<Record<ProgramField | 'form', string>>>({});
  const [{ fetching: creating }, create] = useMutation(ProgramCreateMutation);
  const [{ fetching: updating }, update] = useMutation(ProgramUpdateMutation);
  const busy = creating || updating;
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  const submit = async () => {
    const local: typeof errors = {};
    if (!program && !v.code.trim()) local.code = t('credits.required');
    if (!v.name.trim()) local.name = t('credits.required');
    if (!isDecimalInput(v.totalCredits, false)) local.totalCredits = t('credits.amountInvalid');
    if (Object.keys(local).length) {
      setErrors(local);
      const first = PROGRAM_FIELDS.find((f) => local[f]);
      if (first) document.getElementById(`program-${first}`)?.focus();
      return;
    }
    const common = {
      name: v.name.trim(),
      description: v.description.trim(),
      totalCredits: v.totalCredits.trim(),
      windowMonths: intOrNull(v.windowMonths),
      validityMonths: intOrNull(v.validityMonths),
      categoryMinimums: minimums.filter((m) => m.categoryId && m.credits.trim()).map((m) => ({ categoryId: m.categoryId, credits: m.credits.trim() })),
      ...(requiredChanged || !program ? { requiredCourseIds: requiredCourses.map((c) => c.id) } : {}),
    };
    const r = program ? await update({ input: { id: program.id, ...common } }) : await create({ input: { code: v.code.trim(), ...common } });
    const p = r.data && ('certificationProgramCreate' in r.data ? r.data.certificationProgramCreate : r.data.certificationProgramUpdate);
    if (!p) return setErrors({ form: r.error?.graphQLErrors[0]?.message ?? t('app.error') });
    if (p.userErrors.length) {
      const errs = fieldErrors(p.userErrors, PROGRAM_FIELDS);
      setErrors(errs);
      focusFirstError(errs, PROGRAM_FIELDS, 'program');
      return;
    }
    onDone();
  };
  const field = (name: ProgramField) => ({
    id: `program-${name}`,
    error: !!errors[name],
    helperText: errors[name],
    slotProps: { formHelperText: { role: errors[name] ? 'alert' : undefined } },
  });

  return (
    <FormDialog
      open
      title={program ? t('certs.editProgramTitle', { name: program.name }) : t('certs.addProgram')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={busy ? t('certs.saving') : t('certs.save')}
      cancelLabel={t('credits.cancel')}
      busy={busy}
    >
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      {!program && <TextField {...field('code')} autoFocus required label={t('certs.programFields.code')} value={v.code} onChange={set('code')} helperText={errors.code ?? t('certs.programFields.codeHelp')} />}
      <TextField {...field('name')} autoFocus={!!program} required label={t('certs.programFields.name')} value={v.name} onChange={set('name')} />
      <TextField {...field('description')} multiline minRows={2} label={t('certs.programFields.description')} value={v.description} onChange={set('description')} />
      <TextField {...field('totalCredits')} required label={t('certs.programFields.totalCredits')} value={v.totalCredits} onChange={set('totalCredits')} slotProps={{ htmlInput: { inputMode: 'decimal' }, formHelperText: { role: errors.totalCredits ? 'alert' : undefined } }} />
      <TextField {...field('windowMonths')} type="number" label={t('certs.programFields.windowMonths')} value={v.windowMonths} onChange={set('windowMonths')} helperText={errors.windowMonths ?? t('certs.programFields.monthsHelp')} />
      <TextField {...field('validityMonths')} type="number" label={t('certs.programFields.validityMonths')} value={v.validityMonths} onChange={set('validityMonths')} helperText={errors.validityMonths ?? t('certs.programFields.monthsHelp')} />
      <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
        <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
          {t('certs.programFields.minimums')}
        </Typography>
        {errors.categoryMinimums && (
          <Typography color="error" variant="body2" role="alert">
            {errors.categoryMinimums}
          </Typography>
        )}
        {minimums.map((m, i) => (
          <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
            <TextField
              select
              size="small"
              id={`program-minimum-category-${i}`}
              label={t('certs.programFields.category')}
              value={categories.data ? m.categoryId : ''}
              onChange={(e) => setMinimums((ms) => ms.map((x, j) => (j === i ? { ...x, categoryId: e.target.value } : x)))}
              sx={{ minWidth: 200 }}
            >
              {(categories.data?.categories ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.parent ? `— ${c.name}` : c.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              id={`program-minimum-credits-${i}`}
              label={t('certs.programFields.credits')}
              value={m.credits}
              onChange={(e) => setMinimums((ms) => ms.map((x, j) => (j === i ? { ...x, credits: e.target.value } : x)))}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              sx={{ width: 120 }}
            />
            <IconButton aria-label={t('certs.programFields.removeMinimum', { n: i + 1 })} onClick={() => setMinimums((ms) => ms.filter((_, j) => j !== i))}>
              <span aria-hidden>×</span>
            </IconButton>
          </Box>
        ))}
        <Button size="small" onClick={() => setMinimums((ms) => [...ms, { categoryId: '', credits: '' }])}>
          {t('certs.programFields.addMinimum')}
        </Button>
      </Box>
      <CoursesPicker
        id="program-requiredCourseIds"
        label={t('certs.programFields.requiredCourses')}
        value={requiredCourses}
        onChange={(v) => {
          setRequiredCourses(v);
          setRequiredChanged(true);
        }}
        error={errors.requiredCourseIds}
        helperText={titleOnly.length ? t('certs.programFields.titleOnlyCourses', { titles: titleOnly.join(', ') }) : t('certs.programFields.requiredCoursesHelp')}
      />
    </FormDialog>
  );
}

const RULE_FIELDS = ['name', 'legalBasis', 'hours', 'frequency', 'withinMonths', 'trigger', 'gradeMin', 'gradeMax', 'jobSeries', 'organizationIds', 'courseId', 'categoryId', 'topicKeyword'] as const;
type RuleField = (typeof RULE_FIELDS)[number];
const FREQUENCIES = ['YEARLY', 'TWICE_A_YEAR', 'ONCE_WITHIN_MONTHS'] as const;
const TRIGGERS = ['NONE', 'NEW_APPOINTMENT', 'PROMOTION'] as const;

function RuleDialog({ rule, onClose, onDone }: { rule: Rule | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [categories] = useQuery({ query: CategoryOptionsQuery });
  const [v, setV] = useState({
    name: rule?.name ?? '',
    legalBasis: rule?.legalBasis ?? '',
    hours: rule?.hours ?? '',
    frequency: rule?.frequency ?? 'YEARLY',
    withinMonths: rule?.withinMonths?.toString() ?? '',
    trigger: rule?.trigger ?? 'NONE',
    gradeMin: rule?.gradeMin?.toString() ?? '',
    gradeMax: rule?.gradeMax?.toString() ?? '',
    jobSeries: rule?.jobSeries.join(', ') ?? '',
    categoryId: rule?.category?.id ?? '',
    topicKeyword: rule?.topicKeyword ?? '',
  });
  // What satisfies the rule: one course, or the courses of a category (optionally by topic keyword).
  const [targetKind, setTargetKind] = useState<'course' | 'category'>(rule?.course ? 'course' : 'category');
  const [course, setCourse] = useState<CourseChoice | null>(rule?.course ?? null);
  const [organizations, setOrganizations] = useState<OrganizationChoice[]>([...(rule?.organizations ?? [])]);
  const [errors, setErrors] = useState<Partial<Record<RuleField | 'form', string>>>({});
  const [{ fetching: creating }, create] = useMutation(RuleCreateMutation);
  const [{ fetching: updating }, update] = useMutation(RuleUpdateMutation);
  const busy = creating || updating;
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  const submit = async () => {
    const local: typeof errors = {};
    if (!v.name.trim()) local.name = t('credits.required');
    if (!isDecimalInput(v.hours, false)) local.hours = t('credits.amountInvalid');
    if (targetKind === 'course' && !course) local.courseId = t('credits.required');
    if (targetKind === 'category' && !v.categoryId) local.categoryId = t('credits.required');
    if (Object.keys(local).length) {
      setErrors(local);
      const first = RULE_FIELDS.find((f) => local[f]);
      if (first) document.getElementById(`rule-${first}`)?.focus();
      return;
    }
    const input = {
      name: v.name.trim(),
      legalBasis: v.legalBasis.trim(),
      hours: v.hours.trim(),
      frequency: v.frequency,
      withinMonths: intOrNull(v.withinMonths),
      trigger: v.trigger,
      gradeMin: intOrNull(v.gradeMin),
      gradeMax: intOrNull(v.gradeMax),
      jobSeries: v.jobSeries
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      organizationIds: organizations.map((o) => o.id),
      courseId: targetKind === 'course' ? (course?.id ?? null) : null,
      categoryId: targetKind === 'category' ? v.categoryId || null : null,
      topicKeyword: targetKind === 'category' ? v.topicKeyword.trim() || null : null,
    };
    const r = rule ? await update({ input: { id: rule.id, ...input } }) : await create({ input });
    const p = r.data && ('mandatoryTrainingRuleCreate' in r.data ? r.data.mandatoryTrainingRuleCreate : r.data.mandatoryTrainingRuleUpdate);
    if (!p) return setErrors({ form: r.error?.graphQLErrors[0]?.message ?? t('app.error') });
    if (p.userErrors.length) {
      const errs = fieldErrors(p.userErrors, RULE_FIELDS);
      setErrors(errs);
      focusFirstError(errs, RULE_FIELDS, 'rule');
      return;
    }
    onDone();
  };
  const field = (name: RuleField) => ({
    id: `rule-${name}`,
    error: !!errors[name],
    helperText: errors[name],
    slotProps: { formHelperText: { role: errors[name] ? 'alert' : undefined } },
  });

  return (
    <FormDialog
      open
      title={rule ? t('certs.editRuleTitle', { name: rule.name }) : t('certs.addRule')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={busy ? t('certs.saving') : t('certs.save')}
      cancelLabel={t('credits.cancel')}
      busy={busy}
    >
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      <TextField {...field('name')} autoFocus required label={t('certs.ruleFields.name')} value={v.name} onChange={set('name')} />
      <TextField {...field('legalBasis')} multiline label={t('certs.ruleFields.legalBasis')} value={v.legalBasis} onChange={set('legalBasis')} />
      <TextField {...field('hours')} required label={t('certs.ruleFields.hours')} value={v.hours} onChange={set('hours')} slotProps={{ htmlInput: { inputMode: 'decimal' }, formHelperText: { role: errors.hours ? 'alert' : undefined } }} />
      <TextField {...field('frequency')} select label={t('certs.ruleFields.frequency')} value={v.frequency} onChange={set('frequency')}>
        {FREQUENCIES.map((f) => (
          <MenuItem key={f} value={f}>
            {t(`certs.frequencyChoices.${f}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...field('withinMonths')} type="number" label={t('certs.ruleFields.withinMonths')} value={v.withinMonths} onChange={set('withinMonths')} />
      <TextField {...field('trigger')} select label={t('certs.ruleFields.trigger')} value={v.trigger} onChange={set('trigger')}>
        {TRIGGERS.map((f) => (
          <MenuItem key={f} value={f}>
            {t(`certs.trigger.${f}`)}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField {...field('gradeMin')} type="number" label={t('certs.ruleFields.gradeMin')} value={v.gradeMin} onChange={set('gradeMin')} />
        <TextField {...field('gradeMax')} type="number" label={t('certs.ruleFields.gradeMax')} value={v.gradeMax} onChange={set('gradeMax')} />
      </Box>
      <TextField {...field('jobSeries')} label={t('certs.ruleFields.jobSeries')} value={v.jobSeries} onChange={set('jobSeries')} helperText={errors.jobSeries ?? t('certs.ruleFields.jobSeriesHelp')} />
      <OrganizationsPicker id="rule-organizationIds" label={t('certs.ruleFields.organizations')} value={organizations} onChange={setOrganizations} error={errors.organizationIds} helperText={t('certs.ruleFields.organizationsHelp')} />
      <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, display: 'grid', gap: 1 }}>
        <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
          {t('certs.ruleFields.target')}
        </Typography>
        <RadioGroup row value={targetKind} onChange={(e) => setTargetKind(e.target.value as 'course' | 'category')}>
          <FormControlLabel value="course" control={<Radio />} label={t('certs.ruleFields.targetCourse')} />
          <FormControlLabel value="category" control={<Radio />} label={t('certs.ruleFields.targetCategory')} />
        </RadioGroup>
        {targetKind === 'course' ? (
          <CoursePicker id="rule-courseId" required label={t('certs.ruleFields.course')} value={course} onChange={setCourse} error={errors.courseId} />
        ) : (
          <>
            <TextField {...field('categoryId')} required select label={t('certs.ruleFields.category')} value={categories.data ? v.categoryId : ''} onChange={set('categoryId')}>
              {(categories.data?.categories ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.parent ? `— ${c.name}` : c.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField {...field('topicKeyword')} label={t('certs.ruleFields.topicKeyword')} value={v.topicKeyword} onChange={set('topicKeyword')} helperText={errors.topicKeyword ?? t('certs.ruleFields.topicKeywordHelp')} />
          </>
        )}
      </Box>
    </FormDialog>
  );
}

function DeactivateDialog({ target, onClose, onDone }: { target: { kind: 'program' | 'rule'; id: string; name: string }; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [{ fetching: f1 }, deactivateProgram] = useMutation(ProgramDeactivateMutation);
  const [{ fetching: f2 }, deactivateRule] = useMutation(RuleDeactivateMutation);
  const submit = async () => {
    const r = target.kind === 'program' ? await deactivateProgram({ input: { id: target.id } }) : await deactivateRule({ input: { id: target.id } });
    const p = r.data && ('certificationProgramDeactivate' in r.data ? r.data.certificationProgramDeactivate : r.data.mandatoryTrainingRuleDeactivate);
    if (!p) return setError(r.error?.graphQLErrors[0]?.message ?? t('app.error'));
    if (p.userErrors.length) return setError(p.userErrors.map((e) => e.message).join(' '));
    onDone();
  };
  return (
    <FormDialog
      open
      destructive
      title={t('certs.deactivateTitle', { name: target.name })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('certs.deactivate')}
      cancelLabel={t('credits.cancel')}
      busy={f1 || f2}
    >
      <Typography>{target.kind === 'program' ? t('certs.deactivateProgramConfirm', { name: target.name }) : t('certs.deactivateRuleConfirm', { name: target.name })}</Typography>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
    </FormDialog>
  );
}

const OVERDUE_PAGE = 50;
const AWARDED_PAGE = 50;
const AWARDED_STATES = ['VALID', 'EXPIRED', 'REVOKED'] as const;

/** Organisation filter shared by the awarded and overdue lists (names searched as typed). */
function OrganizationFilter({ id, value, onChange }: { id: string; value: OrgOption | null; onChange: (org: OrgOption | null) => void }) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [orgs] = useQuery({ query: OrganizationOptionsQuery, variables: { search: useDebounced(input.trim()) || null } });
  return (
    <Autocomplete<OrgOption>
      id={id}
      options={orgs.data?.organizations.edges.map((e) => e.node) ?? []}
      filterOptions={(x) => x}
      getOptionLabel={(o) => (o.parent ? `${o.name} (${o.parent.name})` : o.name)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      value={value}
      onChange={(_, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      noOptionsText={t('servants.noOrganizations')}
      sx={{ minWidth: 280 }}
      renderInput={(p) => <TextField {...p} size="small" label={t('certs.organization')} placeholder={t('servants.organizationPlaceholder')} />}
    />
  );
}

/** A CSV export of a list: the file is read from the API when asked, and saved; a refusal is shown. */
function useCsvExport<D>(read: () => Promise<OperationResult<D>>, file: (data: D) => { name: string; text: string }) {
  const { t } = useI18n();
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setExporting(true);
    setError(null);
    const r = await read();
    setExporting(false);
    if (!r.data) return setError(r.error?.graphQLErrors[0]?.message ?? t('app.error'));
    const f = file(r.data);
    saveText(`${f.name}.csv`, f.text);
  };
  return { exporting, error, run };
}

function ExportButton({ csv, label }: { csv: { exporting: boolean; run: () => Promise<void> }; label: string }) {
  const { t } = useI18n();
  return (
    <Button variant="outlined" onClick={() => void csv.run()} disabled={csv.exporting} aria-label={csv.exporting ? undefined : label}>
      {csv.exporting ? t('certs.exporting') : t('certs.exportCsv')}
    </Button>
  );
}

/** Who is awarded: certifications of the holders in the viewer's scope, newest first, with CSV export. */
function AwardedSection({ programs }: { programs: readonly Program[] }) {
  const { t } = useI18n();
  const client = useClient();
  const [programId, setProgramId] = useState('');
  const [status, setStatus] = useState<'' | (typeof AWARDED_STATES)[number]>('');
  const [org, setOrg] = useState<OrgOption | null>(null);
  const filter = { programId: programId || null, organizationId: org?.id ?? null, status: status || null };
  const csv = useCsvExport(
    () => client.query(AwardedCsvQuery, filter, { requestPolicy: 'network-only' }).toPromise(),
    (d) => ({ name: t('certs.awardedFile', { program: programs.find((p) => p.id === programId)?.name ?? t('app.all'), org: org?.name ?? t('app.all') }), text: d.certificationsAwardedCsv }),
  );

  return (
    <Section id="certs-awarded" title={t('certs.awarded')} action={<ExportButton csv={csv} label={t('certs.awardedExport')} />}>
      <Box role="search" aria-label={t('certs.awardedFilters')} sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <TextField id="awarded-program" select size="small" label={t('certs.awardedProgram')} value={programId} onChange={(e) => setProgramId(e.target.value)} sx={{ minWidth: 220 }}>
          <MenuItem value="">{t('app.all')}</MenuItem>
          {programs.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="awarded-status"
          select
          size="small"
          label={t('certs.awardedStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          sx={{ minWidth: 140 }}
        >
          <MenuItem value="">{t('app.all')}</MenuItem>
          {AWARDED_STATES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`learning.certificateState.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <OrganizationFilter id="awarded-organization" value={org} onChange={setOrg} />
      </Box>
      <ExportError error={csv.error} />
      {/* A new filter is a new list: it starts again from the first page. */}
      <KeysetTable
        key={JSON.stringify(filter)}
        labelledBy="certs-awarded"
        query={AwardedQuery}
        variables={(after) => ({ ...filter, first: AWARDED_PAGE, after })}
        select={(d) => d.certificationsAwarded}
        total={(count) => t('certs.awardedTotal', { count })}
        columns={(['name', 'employeeNumber', 'organization', 'program', 'awardedAt', 'expiresAt', 'status', 'code'] as const).map((c) => t(`certs.awardedColumns.${c}`))}
        rows={(edges) => <AwardedRows edges={edges} />}
      />
    </Section>
  );
}

type AwardedEdge = ResultOf<typeof AwardedQuery>['certificationsAwarded']['edges'][number];

function AwardedRows({ edges }: { edges: readonly AwardedEdge[] }) {
  const { t, fmt } = useI18n();
  return (
    <>
      {edges.map(({ node, cursor }) => (
        <TableRow key={cursor}>
          <TableCell>
            {node.servant ? (
              <RouterLink to={`/servants/${encodeURIComponent(node.servant.id)}`} aria-label={t('servants.openProfile', { name: node.servant.name })}>
                {node.servant.name}
              </RouterLink>
            ) : (
              ''
            )}
          </TableCell>
          <TableCell>{node.servant?.employeeNumber ?? ''}</TableCell>
          <TableCell>{node.servant?.organization.name ?? ''}</TableCell>
          <TableCell>{node.cycle > 1 ? t('certs.awardedCycle', { name: node.program.name, cycle: node.cycle }) : node.program.name}</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.date(node.awardedAt)}</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{node.expiresAt ? fmt.date(node.expiresAt) : t('certs.noExpiry')}</TableCell>
          <TableCell>
            <StatusChip tone={node.status === 'VALID' ? 'success' : node.status === 'REVOKED' ? 'error' : 'default'} label={t(`learning.certificateState.${node.status}`)} />
            {node.revokedReason && (
              <Typography variant="body2" color="text.secondary">
                {node.revokedReason}
              </Typography>
            )}
          </TableCell>
          <TableCell>
            <a href={node.certificateUrl} target="_blank" rel="noreferrer" aria-label={t('certs.openCertificate', { code: node.verificationCode, name: node.servant?.name ?? '', program: node.program.name })}>
              <Box component="code">{node.verificationCode}</Box>
            </a>
          </TableCell>
        </TableRow>
      ))}
    </>
  );
}

function OverdueSection() {
  const { t } = useI18n();
  const client = useClient();
  const thisYear = currentYearKst();
  const [year, setYear] = useState(thisYear);
  const [org, setOrg] = useState<OrgOption | null>(null);
  const filter = { year, organizationId: org?.id ?? null };
  const csv = useCsvExport(
    () => client.query(OverdueCsvQuery, filter, { requestPolicy: 'network-only' }).toPromise(),
    (d) => ({ name: t('certs.overdueFile', { year, org: org?.name ?? t('app.all') }), text: d.mandatoryTrainingOverdueCsv }),
  );

  return (
    <Section id="certs-overdue" title={t('certs.overdue')} action={<ExportButton csv={csv} label={t('certs.overdueExport')} />}>
      <Box role="search" sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <TextField id="overdue-year" select size="small" label={t('certs.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 120 }}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <MenuItem key={y} value={y}>
              {t('certs.yearValue', { year: y })}
            </MenuItem>
          ))}
        </TextField>
        <OrganizationFilter id="overdue-organization" value={org} onChange={setOrg} />
      </Box>
      <ExportError error={csv.error} />
      <KeysetTable
        key={JSON.stringify(filter)}
        labelledBy="certs-overdue"
        query={OverdueQuery}
        variables={(after) => ({ ...filter, first: OVERDUE_PAGE, after })}
        select={(d) => d.mandatoryTrainingOverdue}
        total={(count) => t('certs.overdueTotal', { count })}
        columns={(['name', 'employeeNumber', 'organization', 'rules'] as const).map((c) => t(`certs.overdueColumns.${c}`))}
        rows={(edges) => <OverdueRows edges={edges} />}
      />
    </Section>
  );
}

function ExportError({ error }: { error: string | null }) {
  return error ? (
    <Alert severity="error" role="alert" sx={{ mb: 2 }}>
      {error}
    </Alert>
  ) : null;
}

type OverdueEdge = ResultOf<typeof OverdueQuery>['mandatoryTrainingOverdue']['edges'][number];

function OverdueRows({ edges }: { edges: readonly OverdueEdge[] }) {
  const { t, fmt } = useI18n();
  return (
    <>
      {edges.map(({ node, cursor }) => (
        <TableRow key={cursor}>
          <TableCell>{node.servant?.name ?? ''}</TableCell>
          <TableCell>{node.servant?.employeeNumber ?? ''}</TableCell>
          <TableCell>{node.servant?.organization.name ?? ''}</TableCell>
          <TableCell>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {node.overdue.map((o) => (
                <li key={o.rule.id}>
                  {t('certs.overdueItem', { rule: o.rule.name, due: fmt.localDate(o.dueDate), completed: formatDecimal(o.hoursCompleted), required: formatDecimal(o.hoursRequired) })}
                </li>
              ))}
            </Box>
          </TableCell>
        </TableRow>
      ))}
    </>
  );
}

function MoreRow({ colSpan, onMore }: { colSpan: number; onMore: () => void }) {
  const { t } = useI18n();
  return (
    <TableRow>
      <TableCell colSpan={colSpan}>
        <Button onClick={onMore}>{t('credits.loadMore')}</Button>
      </TableCell>
    </TableRow>
  );
}

interface KeysetPage<E> {
  edges: readonly E[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * One further page of a keyset list shown as "load more" rows: its own query from `after`
 * (so earlier pages stay cached as they are), and the next "load more" row when it is the last.
 */
function MorePage<D, V extends AnyVariables, E>({
  query,
  variables,
  select,
  rows,
  colSpan,
  last,
  onMore,
}: {
  query: TypedDocumentNode<D, V>;
  variables: V;
  select: (data: D) => KeysetPage<E>;
  rows: (edges: readonly E[]) => ReactNode;
  colSpan: number;
  last: boolean;
  onMore: (cursor: string | null | undefined) => void;
}) {
  const { t } = useI18n();
  const [result] = useQuery<D, V>({ query, variables } as UseQueryArgs<V, D>);
  const conn = result.data ? select(result.data) : null;
  if (!conn) {
    return (
      <TableRow>
        <TableCell colSpan={colSpan} role="status">
          {result.error ? t('app.error') : t('app.loading')}
        </TableCell>
      </TableRow>
    );
  }
  return (
    <>
      {rows(conn.edges)}
      {last && conn.pageInfo.hasNextPage && <MoreRow colSpan={colSpan} onMore={() => onMore(conn.pageInfo.endCursor)} />}
    </>
  );
}

/**
 * A keyset-paged list as a table: the first page with its total, then "load more" pages (each
 * its own query from `after`, so earlier pages stay as they are). Give it a `key` that changes
 * with the filter, so that a new filter starts again from the first page.
 */
function KeysetTable<D, V extends AnyVariables, E>({
  labelledBy,
  query,
  variables,
  select,
  total,
  columns,
  rows,
}: {
  labelledBy: string;
  query: TypedDocumentNode<D, V>;
  variables: (after: string | null) => V;
  select: (data: D) => KeysetPage<E> & { totalCount: number };
  total: (count: number) => string;
  columns: readonly string[];
  rows: (edges: readonly E[]) => ReactNode;
}) {
  const { t } = useI18n();
  const [result, reexecute] = useQuery<D, V>({ query, variables: variables(null) } as UseQueryArgs<V, D>);
  // The `after` cursor of every further page asked for, in order.
  const [more, setMore] = useState<string[]>([]);
  const addPage = (cursor: string | null | undefined) => cursor && setMore((m) => (m.includes(cursor) ? m : [...m, cursor]));
  const conn = result.data ? select(result.data) : null;
  if (result.error) return <LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!conn) return <Loading />;
  return (
    <>
      <Typography sx={{ mb: 1 }} role="status">
        {total(conn.totalCount)}
      </Typography>
      {conn.edges.length > 0 && (
        <TableContainer>
          <Table size="small" aria-labelledby={labelledBy}>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c} scope="col">
                    {c}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows(conn.edges)}
              {more.length === 0 && conn.pageInfo.hasNextPage && <MoreRow colSpan={columns.length} onMore={() => addPage(conn.pageInfo.endCursor)} />}
              {more.map((cursor, i) => (
                <MorePage key={cursor} query={query} variables={variables(cursor)} select={select} rows={rows} colSpan={columns.length} last={i === more.length - 1} onMore={addPage} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {result.fetching && <LinearProgress aria-label={t('app.loading')} sx={{ mt: 1 }} />}
    </>
  );
}
