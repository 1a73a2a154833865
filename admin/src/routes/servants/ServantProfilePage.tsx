import { Alert, Box, Chip, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/StatusViews';
import { NotFound } from '../../shell/Guards';
import { ProfileLearningSections } from './ProfileLearningSections';
import { ServantProfileQuery } from './servants.documents';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, mb: 2 }}>
      <Typography id={id} variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export default function ServantProfilePage() {
  const { id = '' } = useParams();
  const { t, fmt } = useI18n();
  const [result, reexecute] = useQuery({ query: ServantProfileQuery, variables: { id } });

  const back = (
    <Link component={RouterLink} to="/servants" sx={{ display: 'inline-block', mb: 2 }}>
      ← {t('profile.back')}
    </Link>
  );
  if (result.error) return <>{back}<LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} /></>;
  if (!result.data) return <Loading />;
  const s = result.data.node?.__typename === 'Servant' ? result.data.node : null;
  if (!s) return <>{back}<NotFound /></>;

  const facts: [string, ReactNode][] = [
    [t('profile.employeeNumber'), s.employeeNumber],
    [t('profile.organization'), s.organization.name],
    [t('profile.department'), s.department?.name ?? t('app.none')],
    [t('profile.jobSeries'), s.jobSeries],
    [t('profile.grade'), t('servants.gradeValue', { grade: s.grade })],
    [t('profile.position'), s.position],
    [t('profile.hireDate'), s.hireDate ? fmt.localDate(s.hireDate) : t('app.none')],
    [t('profile.email'), s.email ?? t('app.none')],
    [t('profile.phone'), s.phone ?? t('app.none')],
  ];

  return (
    <>
      {back}
      <PageHeading title={s.name}>
        {s.name}{' '}
        <Typography component="span" variant="body1" color="text.secondary">
          {s.organization.name} · {s.jobSeries} {t('servants.gradeValue', { grade: s.grade })}
        </Typography>
      </PageHeading>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('profile.accessLogged')}
      </Typography>

      <Section id="profile-basic" title={t('profile.basic')}>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
          {facts.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Box component="dt" sx={{ fontWeight: 600 }}>
                {k}
              </Box>
              <Box component="dd" sx={{ m: 0 }}>
                {v}
              </Box>
            </Box>
          ))}
        </Box>
      </Section>

      <Section id="profile-assignments" title={t('profile.assignments')}>
        {s.assignments.length === 0 ? (
          <Typography>{t('profile.noAssignments')}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby="profile-assignments">
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('profile.assignmentColumns.period')}</TableCell>
                  <TableCell scope="col">{t('profile.assignmentColumns.organization')}</TableCell>
                  <TableCell scope="col">{t('profile.assignmentColumns.department')}</TableCell>
                  <TableCell scope="col">{t('profile.assignmentColumns.position')}</TableCell>
                  <TableCell scope="col">{t('profile.assignmentColumns.duties')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {s.assignments.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {t('profile.period', { from: fmt.localDate(a.startedOn), to: a.endedOn ? fmt.localDate(a.endedOn) : t('profile.current') })}
                    </TableCell>
                    <TableCell>{a.organization.name}</TableCell>
                    <TableCell>{a.department?.name ?? ''}</TableCell>
                    <TableCell>{a.position}</TableCell>
                    <TableCell>{a.duties}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Section>

      <Section id="profile-education" title={t('profile.education')}>
        {s.educationRecords.length === 0 ? (
          <Typography>{t('profile.noEducation')}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby="profile-education">
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('profile.educationColumns.completedOn')}</TableCell>
                  <TableCell scope="col">{t('profile.educationColumns.title')}</TableCell>
                  <TableCell scope="col">{t('profile.educationColumns.provider')}</TableCell>
                  <TableCell scope="col">{t('profile.educationColumns.category')}</TableCell>
                  <TableCell scope="col" align="right">
                    {t('profile.educationColumns.hours')}
                  </TableCell>
                  <TableCell scope="col">{t('profile.educationColumns.source')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {s.educationRecords.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.localDate(e.completedOn)}</TableCell>
                    <TableCell>{e.title}</TableCell>
                    <TableCell>{e.provider}</TableCell>
                    <TableCell>{e.category}</TableCell>
                    <TableCell align="right">{t('profile.hours', { hours: fmt.number(e.hours) })}</TableCell>
                    <TableCell>{t(`profile.sources.${e.source}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Section>

      <Section id="profile-interests" title={t('profile.interests')}>
        {s.consentGivenAt ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('profile.consentGiven', { date: fmt.dateTime(s.consentGivenAt) })}
            </Typography>
            <TagList label={t('profile.interestsLabel')} tags={s.interests} empty={t('profile.noTags')} />
            <TagList label={t('profile.hobbiesLabel')} tags={s.hobbies} empty={t('profile.noTags')} />
          </>
        ) : (
          <Alert severity="info">{t('profile.noConsent')}</Alert>
        )}
      </Section>

      <ProfileLearningSections servantId={s.id} name={s.name} />
    </>
  );
}

function TagList({ label, tags, empty }: { label: string; tags: readonly string[]; empty: string }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="subtitle2" component="h3">
        {label}
      </Typography>
      {tags.length === 0 ? (
        <Typography variant="body2">{empty}</Typography>
      ) : (
        <Stack component="ul" direction="row" sx={{ flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0 }}>
          {tags.map((tag) => (
            <li key={tag}>
              <Chip label={tag} size="small" />
            </li>
          ))}
        </Stack>
      )}
    </Box>
  );
}
