import { Alert, Box, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { FormDialog } from '../../shell/dialogs';
import { Loading } from '../../shell/StatusViews';
import { fieldErrors, focusFirstError } from '../login/field-errors';
import { kstInstant, kstParts, placeConflicts, type SlotLike } from './conflicts';
import { CourseOfferingCreate, CourseOfferingUpdate, EnrollmentRoundCreate, OfferingEnrollmentsQuery } from './rounds.documents';
import { CoursePicker, type OrganizationChoice, OrganizationsPicker, type PickerCourse } from '../../shell/pickers';

/** `YYYY-MM-DDTHH:mm` in Korea time, for a datetime-local field. */
function kstLocal(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 16);
}

/** Defaults: registration from now for a week, for the month after next (lectures follow the window). */
function roundDefaults() {
  const now = Date.now();
  const opens = Math.ceil(now / 3600_000) * 3600_000;
  const k = new Date(now + 9 * 3600_000);
  const m = new Date(Date.UTC(k.getUTCFullYear(), k.getUTCMonth() + 2, 1));
  return { month: m.toISOString().slice(0, 7), opensAt: kstLocal(opens), closesAt: kstLocal(opens + 7 * 86400_000), minimumRegistrants: '5' };
}

type RoundField = 'month' | 'opensAt' | 'closesAt' | 'minimumRegistrants';

export function RoundCreateDialog({ onClose, onDone }: { onClose(): void; onDone(month: string): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(roundDefaults);
  const [errors, setErrors] = useState<Partial<Record<RoundField | 'form', string>>>({});
  const [state, create] = useMutation(EnrollmentRoundCreate);
  const refs = { month: useRef<HTMLInputElement>(null), opensAt: useRef<HTMLInputElement>(null), closesAt: useRef<HTMLInputElement>(null), minimumRegistrants: useRef<HTMLInputElement>(null) };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async () => {
    const toIso = (v: string) => (v ? new Date(`${v}:00+09:00`).toISOString() : '');
    const r = await create({
      input: { month: form.month, opensAt: toIso(form.opensAt), closesAt: toIso(form.closesAt), minimumRegistrants: form.minimumRegistrants ? Number(form.minimumRegistrants) : null },
    });
    if (r.error) return setErrors({ form: t('app.error') });
    const p = r.data!.enrollmentRoundCreate;
    if (p.userErrors.length) {
      const next = fieldErrors(p.userErrors, ['month', 'opensAt', 'closesAt', 'minimumRegistrants'] as const);
      setErrors(next);
      const first = (['month', 'opensAt', 'closesAt', 'minimumRegistrants'] as const).find((k) => next[k]);
      if (first) refs[first].current?.focus();
      return;
    }
    onDone(p.round!.month);
  };
  const err = (k: RoundField, help = ' ') => ({ error: Boolean(errors[k]), helperText: errors[k] ?? help });
  const shrink = { inputLabel: { shrink: true } };
  return (
    <FormDialog open title={t('rounds.manage.createTitle')} submitLabel={t('rounds.manage.create')} busy={state.fetching} formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <Box sx={{ display: 'grid', gap: 1, pt: 1 }}>
        <TextField id="round-month" inputRef={refs.month} autoFocus required type="month" label={t('rounds.manage.month')} value={form.month} onChange={set('month')} slotProps={shrink} {...err('month', t('rounds.manage.monthHelp'))} />
        <TextField id="round-opens" inputRef={refs.opensAt} required type="datetime-local" label={t('rounds.manage.opensAt')} value={form.opensAt} onChange={set('opensAt')} slotProps={shrink} {...err('opensAt', t('rounds.manage.kst'))} />
        <TextField id="round-closes" inputRef={refs.closesAt} required type="datetime-local" label={t('rounds.manage.closesAt')} value={form.closesAt} onChange={set('closesAt')} slotProps={shrink} {...err('closesAt', t('rounds.manage.kst'))} />
        <TextField
          id="round-minimum"
          inputRef={refs.minimumRegistrants}
          type="number"
          label={t('rounds.manage.roundMinimum')}
          value={form.minimumRegistrants}
          onChange={set('minimumRegistrants')}
          slotProps={{ htmlInput: { min: 1 } }}
          {...err('minimumRegistrants', t('rounds.manage.roundMinimumHelp'))}
        />
      </Box>
    </FormDialog>
  );
}

type CourseOption = PickerCourse;
type OrgOption = OrganizationChoice;

/** An offering as the dialog edits it (an existing one, when changing it). */
export interface OfferingDraft {
  id: string;
  course: CourseOption;
  startsAt: string;
  endsAt: string;
  place?: string | null;
  onlineUrl?: string | null;
  instructorName?: string | null;
  capacity: number;
  minimumRegistrants: number;
  eligibleOrganizations: readonly OrgOption[];
}

/** The dialog's fields in screen order (ids `offering-<field>`, for focusing the first error). */
const OFFERING_FIELDS = ['courseId', 'date', 'time', 'place', 'onlineUrl', 'capacity', 'minimumRegistrants', 'instructorName', 'eligibleOrganizationIds'] as const;
type OfferingField = (typeof OFFERING_FIELDS)[number];
const OFFERING_IDS: Record<OfferingField, string> = {
  courseId: 'offering-course',
  date: 'offering-date',
  time: 'offering-time',
  place: 'offering-place',
  onlineUrl: 'offering-url',
  capacity: 'offering-capacity',
  minimumRegistrants: 'offering-minimum',
  instructorName: 'offering-instructor',
  eligibleOrganizationIds: 'offering-orgs',
};

interface OfferingDialogProps {
  round: { id: string; month: string; minimumRegistrants: number };
  /** The round's other offerings, for the conflict warning. */
  siblings: readonly (SlotLike & { id: string; course: { title: string } })[];
  offering?: OfferingDraft;
  onClose(): void;
  onDone(): void;
}

export function OfferingDialog({ round, siblings, offering, onClose, onDone }: OfferingDialogProps) {
  const { t, fmt } = useI18n();
  const [course, setCourse] = useState<CourseOption | null>(offering?.course ?? null);
  const [orgs, setOrgs] = useState<OrgOption[]>([...(offering?.eligibleOrganizations ?? [])]);
  const [start] = useState(() => (offering ? kstParts(offering.startsAt) : [`${round.month}-15`, '10:00']));
  const [form, setForm] = useState({
    date: start[0],
    time: start[1],
    place: offering?.place ?? '',
    onlineUrl: offering?.onlineUrl ?? '',
    instructorName: offering?.instructorName ?? '',
    capacity: String(offering?.capacity ?? 30),
    minimumRegistrants: offering ? String(offering.minimumRegistrants) : '',
  });
  const [errors, setErrors] = useState<Partial<Record<OfferingField | 'form', string>>>({});
  const [createState, create] = useMutation(CourseOfferingCreate);
  const [updateState, update] = useMutation(CourseOfferingUpdate);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const slot = useMemo(() => {
    if (!course || !/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !/^\d{2}:\d{2}$/.test(form.time)) return null;
    const startsAt = kstInstant(form.date, form.time);
    return { startsAt, endsAt: new Date(Date.parse(startsAt) + course.lengthMinutes * 60_000).toISOString() };
  }, [course, form.date, form.time]);
  const conflicts = slot ? placeConflicts({ id: offering?.id, ...slot, place: form.place }, siblings) : [];
  const online = course ? course.format !== 'IN_PERSON' : false;

  const submit = async () => {
    if (!course) return setErrors({ courseId: t('rounds.manage.courseRequired') });
    if (!slot) return setErrors({ date: t('rounds.manage.slotRequired') });
    const fields = {
      courseId: course.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      place: form.place.trim() || null,
      onlineUrl: form.onlineUrl.trim() || null,
      instructorName: form.instructorName.trim() || null,
      capacity: Number(form.capacity),
      eligibleOrganizationIds: orgs.map((o) => o.id),
    };
    const minimum = form.minimumRegistrants.trim() === '' ? null : Number(form.minimumRegistrants);
    const r = offering
      ? await update({ input: { id: offering.id, ...fields, ...(minimum !== null && minimum !== offering.minimumRegistrants ? { minimumRegistrants: minimum } : {}) } })
      : await create({ input: { roundId: round.id, ...fields, minimumRegistrants: minimum } });
    if (r.error) return setErrors({ form: t('app.error') });
    const data = r.data as { courseOfferingCreate?: { userErrors: { field?: readonly string[] | null; message: string }[] }; courseOfferingUpdate?: { userErrors: { field?: readonly string[] | null; message: string }[] } };
    const errs = (data.courseOfferingCreate ?? data.courseOfferingUpdate)!.userErrors;
    if (errs.length) {
      // The slot's start and end are one choice on screen: the date field carries their errors.
      const mapped = errs.map((e) => ({ ...e, field: e.field?.map((f) => (f === 'startsAt' || f === 'endsAt' ? 'date' : f)) }));
      const next = fieldErrors(mapped, OFFERING_FIELDS);
      setErrors(next);
      focusFirstError(next, OFFERING_FIELDS, OFFERING_IDS);
      return;
    }
    onDone();
  };
  const err = (k: OfferingField, help = ' ') => ({ error: Boolean(errors[k]), helperText: errors[k] ?? help });
  const shrink = { inputLabel: { shrink: true } };
  return (
    <FormDialog
      open
      title={offering ? t('rounds.manage.editOfferingTitle', { title: offering.course.title }) : t('rounds.manage.addOfferingTitle', { month: round.month })}
      submitLabel={offering ? t('rounds.manage.save') : t('rounds.manage.addOffering')}
      busy={createState.fetching || updateState.fetching}
      formError={errors.form}
      onClose={onClose}
      onSubmit={() => void submit()}
      maxWidth="md"
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' }, gap: 1, pt: 1 }}>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <CoursePicker<CourseOption>
            id="offering-course"
            autoFocus
            required
            label={t('rounds.manage.course')}
            value={course}
            onChange={setCourse}
            error={errors.courseId}
            helperText={course ? t('rounds.manage.courseInfo', { minutes: fmt.number(course.lengthMinutes), format: t(`catalogue.format.${course.format}`) }) : ' '}
          />
        </Box>
        <TextField id="offering-date" required type="date" label={t('rounds.manage.date')} value={form.date} onChange={set('date')} slotProps={{ ...shrink, htmlInput: { min: `${round.month}-01`, max: `${round.month}-31` } }} {...err('date', t('rounds.manage.dateHelp', { month: round.month }))} />
        <TextField
          id="offering-time"
          required
          type="time"
          label={t('rounds.manage.time')}
          value={form.time}
          onChange={set('time')}
          slotProps={shrink}
          {...err('time', slot ? t('rounds.manage.endsAt', { slot: fmt.slot(slot.startsAt, slot.endsAt) }) : t('rounds.manage.kst'))}
        />
        <TextField id="offering-place" required={!online} label={t('rounds.manage.place')} value={form.place} onChange={set('place')} {...err('place', online ? t('rounds.manage.placeOptional') : ' ')} />
        <TextField id="offering-url" required={online} type="url" label={t('rounds.manage.onlineUrl')} value={form.onlineUrl} onChange={set('onlineUrl')} {...err('onlineUrl')} />
        <TextField id="offering-capacity" required type="number" label={t('rounds.manage.capacity')} value={form.capacity} onChange={set('capacity')} slotProps={{ htmlInput: { min: 1 } }} {...err('capacity')} />
        <TextField
          id="offering-minimum"
          type="number"
          label={t('rounds.manage.minimum')}
          value={form.minimumRegistrants}
          onChange={set('minimumRegistrants')}
          slotProps={{ htmlInput: { min: 1 } }}
          {...err('minimumRegistrants', t('rounds.manage.minimumHelp', { count: fmt.number(round.minimumRegistrants) }))}
        />
        <TextField id="offering-instructor" label={t('rounds.manage.instructor')} value={form.instructorName} onChange={set('instructorName')} {...err('instructorName')} />
        <OrganizationsPicker
          id="offering-orgs"
          label={t('rounds.manage.eligible')}
          value={orgs}
          onChange={setOrgs}
          error={errors.eligibleOrganizationIds}
          helperText={t('rounds.manage.eligibleHelp')}
        />
      </Box>
      {/* A warning, not a block: the planner may know the room is split. */}
      <Box role="status" aria-live="polite" sx={{ mt: 1 }}>
        {conflicts.length > 0 && (
          <Alert severity="warning">
            {t('rounds.manage.conflictWarning', { place: form.place.trim(), titles: conflicts.map((c) => `${c.course.title} (${fmt.slot(c.startsAt, c.endsAt)})`).join(', ') })}
          </Alert>
        )}
      </Box>
    </FormDialog>
  );
}

/** The registrations of one offering, as the viewer may see them. */
export function EnrollmentsDialog({ offeringId, title, liveCount, onClose }: { offeringId: string; title: string; liveCount: number; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [result, reexecute] = useQuery({ query: OfferingEnrollmentsQuery, variables: { id: offeringId }, requestPolicy: 'network-only' });
  // The screen's live counts changed (a registration or cancellation arrived): fetch the list again.
  const firstCount = useRef(liveCount);
  useEffect(() => {
    if (liveCount !== firstCount.current) reexecute({ requestPolicy: 'network-only' });
  }, [liveCount, reexecute]);
  const node = result.data?.node;
  const offering = node?.__typename === 'CourseOffering' ? node : null;
  return (
    <FormDialog open title={t('rounds.manage.enrollmentsTitle', { title })} onClose={onClose} onSubmit={onClose}>
      {!result.data && <Loading />}
      {offering && (
        <>
          <Typography sx={{ mb: 1 }}>
            {t('rounds.manage.enrollmentsSummary', { registered: fmt.number(offering.registrantCount), waitlisted: fmt.number(offering.waitlistCount), visible: fmt.number(offering.enrollments.totalCount) })}
          </Typography>
          <List dense>
            {offering.enrollments.edges.map(({ node: e }) => (
              <ListItem key={e.id} disableGutters>
                <ListItemText
                  primary={e.servant ? `${e.servant.name} (${e.servant.organization.name})` : t('rounds.manage.hiddenServant')}
                  secondary={`${t(`rounds.enrollmentStatus.${e.status}`)}${e.waitlistPosition ? ` ${e.waitlistPosition}` : ''} · ${fmt.dateTime(e.createdAt)}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </FormDialog>
  );
}
