import { Alert, Box, Button, Chip, LinearProgress, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { LoadError, Loading } from '../../shell/StatusViews';
import { formatDecimal } from '../credits/decimal';
import { downloadWithToken } from '../credits/ui';
import { ServantLearningQuery } from './profile-learning.documents';

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

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0, mb: 1 }}>
      {items.map(([k, v]) => (
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
  );
}

const STATUS_COLOR = { DONE: 'success', DUE: 'warning', OVERDUE: 'error' } as const;

/**
 * A status written out in words. The colour is only on the border and repeats the words: MUI's
 * orange text on white does not reach a 4.5:1 contrast, so the text stays in the body colour.
 */
export function StatusChip({ tone, label }: { tone: 'success' | 'warning' | 'error' | 'default'; label: string }) {
  return <Chip size="small" variant="outlined" label={label} sx={{ color: 'text.primary', borderWidth: 2, borderColor: tone === 'default' ? 'divider' : `${tone}.main` }} />;
}

/** Credits, learning hours, mandatory training, certifications and recommendations of one servant. */
export function ProfileLearningSections({ servantId, name }: { servantId: string; name: string }) {
  const { t, fmt } = useI18n();
  const [result, reexecute] = useQuery({ query: ServantLearningQuery, variables: { id: servantId } });
  const [downloadError, setDownloadError] = useState(false);

  if (result.error) return <LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) return <Loading />;
  const s = result.data.node?.__typename === 'Servant' ? result.data.node : null;
  if (!s) return null;
  const credits = (v: string) => t('learning.creditsValue', { amount: formatDecimal(v) });
  const hours = (v: string) => t('learning.hoursValue', { hours: formatDecimal(v) });

  const download = (ext: 'pdf' | 'csv') => {
    setDownloadError(false);
    downloadWithToken(`${s.transcriptPath}.${ext}`, `${t('learning.transcriptFile', { name })}.${ext}`).catch(() => setDownloadError(true));
  };

  const summary = s.creditSummary;
  const lh = s.learningHours;

  return (
    <>
      <Section id="profile-credits" title={t('learning.credits')}>
        {summary ? (
          <>
            <Facts
              items={[
                [t('learning.balance'), credits(summary.balance)],
                [t('learning.thisYear'), credits(summary.earnedThisYear)],
              ]}
            />
            <Typography variant="subtitle2" component="h3">
              {t('learning.byCategory')}
            </Typography>
            {summary.byCategory.length === 0 ? (
              <Typography variant="body2">{t('learning.noCredits')}</Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {summary.byCategory.map((c) => (
                  <li key={c.category?.id ?? 'none'}>
                    {c.category?.name ?? t('learning.noCategory')}: {credits(c.credits)}
                  </li>
                ))}
              </Box>
            )}
          </>
        ) : (
          <Typography>{t('learning.noCredits')}</Typography>
        )}
        <Stack direction="row" sx={{ gap: 1, mt: 2, flexWrap: 'wrap' }}>
          <Button component={RouterLink} to={`/credits?servant=${encodeURIComponent(s.id)}`} variant="outlined">
            {t('learning.openLedger')}
          </Button>
          <Button variant="outlined" onClick={() => download('pdf')}>
            {t('learning.transcriptPdf')}
          </Button>
          <Button variant="outlined" onClick={() => download('csv')}>
            {t('learning.transcriptCsv')}
          </Button>
        </Stack>
        {downloadError && (
          <Alert severity="error" role="alert" sx={{ mt: 1 }}>
            {t('learning.downloadFailed')}
          </Alert>
        )}
      </Section>

      <Section id="profile-hours" title={lh ? t('learning.hours', { year: lh.year }) : t('learning.hoursTitle')}>
        {lh ? (
          <>
            <Facts
              items={[
                [t('learning.hoursRequired'), hours(lh.required)],
                [t('learning.hoursCompleted'), hours(lh.completed)],
                [t('learning.hoursRemaining'), hours(lh.remaining)],
                [t('learning.hoursExpected'), hours(lh.expectedByNow)],
              ]}
            />
            <StatusChip tone={lh.onTrack ? 'success' : 'warning'} label={lh.onTrack ? `✓ ${t('learning.onTrack')}` : `! ${t('learning.behind')}`} />
          </>
        ) : (
          <Typography>{t('learning.noHours')}</Typography>
        )}
      </Section>

      <Section id="profile-mandatory" title={t('learning.mandatory')}>
        {s.mandatoryTraining.length === 0 ? (
          <Typography>{t('learning.noMandatory')}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby="profile-mandatory">
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('learning.mandatoryColumns.rule')}</TableCell>
                  <TableCell scope="col">{t('learning.mandatoryColumns.status')}</TableCell>
                  <TableCell scope="col">{t('learning.mandatoryColumns.due')}</TableCell>
                  <TableCell scope="col" align="right">
                    {t('learning.mandatoryColumns.hours')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {s.mandatoryTraining.map((m) => (
                  <TableRow key={m.rule.id}>
                    <TableCell>{m.rule.name}</TableCell>
                    <TableCell>
                      {/* The status is written out; the colour only repeats it. */}
                      <StatusChip tone={STATUS_COLOR[m.status]} label={t(`learning.mandatoryStatus.${m.status}`)} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.localDate(m.dueDate)}</TableCell>
                    <TableCell align="right">{t('learning.mandatoryHours', { completed: formatDecimal(m.hoursCompleted), required: formatDecimal(m.hoursRequired) })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Section>

      <Section id="profile-certifications" title={t('learning.certifications')}>
        {s.certificationProgress.length === 0 ? (
          <Typography>{t('learning.noPrograms')}</Typography>
        ) : (
          <Stack component="ul" sx={{ listStyle: 'none', p: 0, m: 0, gap: 2 }}>
            {s.certificationProgress.map((p) => {
              const labelId = `cert-${p.program.id}`;
              return (
                <li key={p.program.id}>
                  <Typography id={labelId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                    {p.program.name}
                  </Typography>
                  <Typography variant="body2">
                    {t('learning.progress', { counted: formatDecimal(p.creditsCounted), required: formatDecimal(p.creditsRequired), percent: p.percent })}
                    {' · '}
                    {p.complete ? t('learning.complete') : t('learning.incomplete')}
                  </Typography>
                  <LinearProgress variant="determinate" value={Math.min(100, p.percent)} aria-labelledby={labelId} sx={{ my: 1, maxWidth: 400 }} />
                  {p.missing.length > 0 && (
                    <>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {t('learning.missing')}
                      </Typography>
                      <Box component="ul" sx={{ m: 0, pl: 3 }}>
                        {p.missing.map((m) => (
                          <li key={m}>
                            <Typography variant="body2">{m}</Typography>
                          </li>
                        ))}
                      </Box>
                    </>
                  )}
                  {p.certification && (
                    <Typography variant="body2">
                      {t(`learning.certificateState.${p.certification.status}`)} · {t('learning.awarded', { date: fmt.dateTime(p.certification.awardedAt) })}
                      {p.certification.expiresAt ? ` · ${t('learning.expires', { date: fmt.dateTime(p.certification.expiresAt) })}` : ''} ·{' '}
                      {t('learning.verification', { code: p.certification.verificationCode })} ·{' '}
                      <Link href={p.certification.certificateUrl} target="_blank" rel="noopener">
                        {t('learning.certificate', { name: p.program.name })}
                      </Link>
                    </Typography>
                  )}
                </li>
              );
            })}
          </Stack>
        )}
      </Section>

      <Section id="profile-recommendations" title={t('learning.recommendations')}>
        {s.recommendations.length === 0 ? (
          <Typography>{t('learning.noRecommendations')}</Typography>
        ) : (
          <Box component="ol" sx={{ m: 0, pl: 3 }}>
            {s.recommendations.map((r) => (
              <li key={r.course.id}>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  {r.course.title}
                </Typography>
                <Typography variant="body2" component="div">
                  {t('learning.reasons')}:
                  <Box component="ul" sx={{ m: 0, pl: 3 }}>
                    {r.reasons.map((reason, i) => (
                      <li key={`${reason.code}-${i}`}>{reason.message}</li>
                    ))}
                  </Box>
                </Typography>
              </li>
            ))}
          </Box>
        )}
        {s.recommendedSubjects.length > 0 && (
          <>
            <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
              {t('learning.subjects')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {s.recommendedSubjects.map((sub) => (
                <li key={`${sub.kind}-${sub.subject}`}>
                  <Typography variant="body2">
                    {sub.subject} — {sub.reasons.map((r) => r.message).join(' · ')}
                  </Typography>
                </li>
              ))}
            </Box>
          </>
        )}
      </Section>
    </>
  );
}
