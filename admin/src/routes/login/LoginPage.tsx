import { Alert, Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { isAdmin, ViewerFields } from '../../auth/viewer';
import { graphql, readFragment } from '../../graphql';
import { LANGS, type Lang, useI18n } from '../../i18n';
import { homeFor } from '../registry';
import { fieldErrors } from './field-errors';

export const SessionCreate = graphql(
  `
    mutation SessionCreate($input: SessionCreateInput!) {
      sessionCreate(input: $input) {
        token
        viewer {
          ...ViewerFields
        }
        userErrors {
          code
          field
          message
        }
      }
    }
  `,
  [ViewerFields],
);

type Field = 'email' | 'password';

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [result, create] = useMutation(SessionCreate);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  if (state.status === 'signed-in' && isAdmin(state.viewer)) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : (homeFor(state.viewer.roles) ?? '/')} replace />;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: typeof errors = {};
    if (!email.trim()) missing.email = t('auth.emailRequired');
    if (!password) missing.password = t('auth.passwordRequired');
    if (Object.keys(missing).length) {
      setErrors(missing);
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setErrors({});
    const r = await create({ input: { email: email.trim(), password } });
    const payload = r.data?.sessionCreate;
    if (!payload) {
      setErrors({ form: t('auth.failed') });
      return;
    }
    if (payload.userErrors.length) {
      const next = fieldErrors<Field>(payload.userErrors, ['email', 'password']);
      setErrors(next);
      // The first field with an error takes the focus, so that its message is read out.
      if (next.email) emailRef.current?.focus();
      else if (next.password) passwordRef.current?.focus();
      return;
    }
    if (payload.token && payload.viewer) {
      const viewer = readFragment(ViewerFields, payload.viewer);
      signIn(payload.token, viewer);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : (homeFor(viewer.roles) ?? '/'), { replace: true });
    }
  };

  return (
    <Box component="main" id="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', p: 2 }}>
      <Paper sx={{ p: 4, width: '100%', maxWidth: 420 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('auth.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 3 }}>
          {t('auth.intro')}
        </Typography>
        {state.status === 'signed-out' && state.notice === 'expired' && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('auth.expired')}
          </Alert>
        )}
        {errors.form && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {errors.form}
          </Alert>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('auth.title')}>
          <TextField
            inputRef={emailRef}
            id="login-email"
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            fullWidth
            margin="normal"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={Boolean(errors.email)}
            helperText={errors.email ?? ' '}
            autoFocus
          />
          <TextField
            inputRef={passwordRef}
            id="login-password"
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            required
            fullWidth
            margin="normal"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={Boolean(errors.password)}
            helperText={errors.password ?? ' '}
          />
          <Button type="submit" variant="contained" fullWidth size="large" sx={{ mt: 2 }} disabled={result.fetching}>
            {result.fetching ? t('auth.submitting') : t('auth.submit')}
          </Button>
        </form>
        <TextField
          select
          size="small"
          label={t('app.language')}
          value={lang}
          onChange={(e) => setLang(e.target.value as Lang)}
          sx={{ mt: 3, minWidth: 140 }}
        >
          {LANGS.map((l) => (
            <MenuItem key={l} value={l} lang={l}>
              {t(`app.languages.${l}`)}
            </MenuItem>
          ))}
        </TextField>
      </Paper>
    </Box>
  );
}
