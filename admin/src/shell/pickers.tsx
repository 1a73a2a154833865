import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useQuery } from 'urql';
import type { ResultOf } from '../graphql';
import { useI18n } from '../i18n';
import { CoursePickerQuery, OrganizationPickerQuery } from './pickers.documents';
import { useDebounced } from './use-debounced';

/** A course as the pickers show it (the catalogue's search answers with more). */
export interface CourseChoice {
  id: string;
  title: string;
  code?: string | null;
}

/** A course as the course search answers (what the offering dialog needs to compute a slot). */
export type PickerCourse = ResultOf<typeof CoursePickerQuery>['courses']['edges'][number]['node'];

/** An organisation as the pickers show it. */
export interface OrganizationChoice {
  id: string;
  name: string;
}

interface PickerProps<V> {
  id: string;
  label: string;
  value: V;
  onChange(value: V): void;
  error?: string;
  helperText?: string;
  required?: boolean;
  autoFocus?: boolean;
}

/** Options found by the words typed (asked once typing pauses); chosen ones stay listed. */
function useSearch<T extends { id: string }>(kind: 'course' | 'organization', chosen: readonly T[]) {
  const [input, setInput] = useState('');
  const search = useDebounced(input.trim()) || null;
  const [courses] = useQuery({ query: CoursePickerQuery, variables: { search }, pause: kind !== 'course' });
  const [orgs] = useQuery({ query: OrganizationPickerQuery, variables: { search }, pause: kind !== 'organization' });
  const found = ((kind === 'course' ? courses.data?.courses.edges : orgs.data?.organizations.edges) ?? []).map((e) => e.node) as unknown as T[];
  const options = [...chosen.filter((c) => !found.some((f) => f.id === c.id)), ...found];
  return { input, setInput, options, loading: kind === 'course' ? courses.fetching : orgs.fetching };
}

const courseLabel = (c: CourseChoice) => (c.code ? `${c.title} (${c.code})` : c.title);

/**
 * One course, searched in the catalogue. `C` is what the caller keeps (found courses are
 * PickerCourse, so C may ask for any of its fields).
 */
export function CoursePicker<C extends CourseChoice = CourseChoice>({
  id,
  label,
  value,
  onChange,
  error,
  helperText,
  required,
  autoFocus,
}: PickerProps<C | null> & (PickerCourse extends C ? unknown : never)) {
  const { t } = useI18n();
  const s = useSearch<C>('course', value ? [value] : []);
  return (
    <Autocomplete<C>
      id={id}
      options={s.options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={s.input}
      onInputChange={(_e, v) => s.setInput(v)}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={courseLabel}
      noOptionsText={t('rounds.manage.noCourses')}
      loadingText={t('app.loading')}
      loading={s.loading}
      renderInput={(p) => <TextField {...p} autoFocus={autoFocus} required={required} label={label} error={Boolean(error)} helperText={error ?? helperText ?? ' '} slotProps={{ ...p.slotProps, formHelperText: { role: error ? 'alert' : undefined } }} />}
    />
  );
}

/** Several courses, searched in the catalogue. */
export function CoursesPicker({ id, label, value, onChange, error, helperText }: PickerProps<CourseChoice[]>) {
  const { t } = useI18n();
  const s = useSearch<CourseChoice>('course', value);
  return (
    <Autocomplete<CourseChoice, true>
      id={id}
      multiple
      options={s.options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={s.input}
      onInputChange={(_e, v) => s.setInput(v)}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={courseLabel}
      noOptionsText={t('rounds.manage.noCourses')}
      loadingText={t('app.loading')}
      loading={s.loading}
      renderInput={(p) => <TextField {...p} label={label} error={Boolean(error)} helperText={error ?? helperText ?? ' '} slotProps={{ ...p.slotProps, formHelperText: { role: error ? 'alert' : undefined } }} />}
    />
  );
}

/** Several organisations (each with its subtree, where the API says so). */
export function OrganizationsPicker({ id, label, value, onChange, error, helperText }: PickerProps<OrganizationChoice[]>) {
  const { t } = useI18n();
  const s = useSearch<OrganizationChoice>('organization', value);
  return (
    <Autocomplete<OrganizationChoice, true>
      id={id}
      multiple
      options={s.options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={s.input}
      onInputChange={(_e, v) => s.setInput(v)}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => o.name}
      noOptionsText={t('servants.noOrganizations')}
      loadingText={t('app.loading')}
      loading={s.loading}
      renderInput={(p) => <TextField {...p} label={label} error={Boolean(error)} helperText={error ?? helperText ?? ' '} slotProps={{ ...p.slotProps, formHelperText: { role: error ? 'alert' : undefined } }} />}
    />
  );
}
