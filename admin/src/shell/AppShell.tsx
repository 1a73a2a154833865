import {
  Alert,
  AppBar,
  Box,
  Button,
  Chip,
  Drawer,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  MenuItem,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useAuth, useViewer } from '../auth/AuthProvider';
import { LANGS, type Lang, useI18n } from '../i18n';
import { screensFor } from '../routes/registry';

const DRAWER_WIDTH = 220;

/** True for a few seconds once a lost live connection is back (to say so, politely). */
function useRecovered(live: string): boolean {
  const [recovered, setRecovered] = useState(false);
  const wasLost = useRef(false);
  useEffect(() => {
    if (live === 'lost') {
      wasLost.current = true;
      setRecovered(false);
    } else if (live === 'connected' && wasLost.current) {
      wasLost.current = false;
      setRecovered(true);
      const h = setTimeout(() => setRecovered(false), 8000);
      return () => clearTimeout(h);
    }
  }, [live]);
  return recovered;
}

/** Header, role-aware menu and the live-connection banner around every signed-in screen. */
export function AppShell() {
  const { t, lang, setLang } = useI18n();
  const { live, signOut } = useAuth();
  const viewer = useViewer();
  const screens = screensFor(viewer.roles);
  const recovered = useRecovered(live);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.tooltip,
          bgcolor: 'background.paper',
          color: 'primary.main',
          p: 1,
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipToContent')}
      </Box>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {t('app.name')}
          </Typography>
          <Chip
            size="small"
            variant="outlined"
            sx={{ color: 'inherit', borderColor: 'currentcolor' }}
            label={live === 'connected' ? `● ${t('connection.live')}` : `○ ${t('connection.connecting')}`}
          />
          <TextField
            select
            size="small"
            label={t('app.language')}
            value={lang}
            onChange={(e) => setLang(e.target.value as Lang)}
            sx={{
              minWidth: 120,
              '& .MuiInputBase-root': { color: 'inherit', bgcolor: 'rgba(255,255,255,0.12)' },
              '& .MuiInputLabel-root': { color: 'inherit' },
              '& .MuiSvgIcon-root': { color: 'inherit' },
            }}
          >
            {LANGS.map((l) => (
              <MenuItem key={l} value={l} lang={l}>
                {t(`app.languages.${l}`)}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ textAlign: 'right', lineHeight: 1.2 }} aria-label={t('auth.account')}>
            <Typography variant="body2" component="div">
              {viewer.displayName}
            </Typography>
            <Typography variant="caption" component="div">
              {viewer.roles.map((r) => t(`roles.${r}`)).join(', ')}
              {viewer.organization ? ` · ${viewer.organization.name}` : ''}
            </Typography>
          </Box>
          <Button color="inherit" variant="outlined" onClick={() => void signOut()}>
            {t('auth.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <nav aria-label={t('nav.label')}>
          <List>
            {screens.map((s) => (
              <ListItem key={s.path} disablePadding>
                {/* The current screen is marked by NavLink's aria-current="page" and a bar, not by colour alone. */}
                <ListItemButton
                  component={NavLink}
                  to={s.path}
                  sx={{ '&.active': { bgcolor: 'action.selected', borderLeft: 4, borderColor: 'primary.main', '& .MuiListItemText-primary': { fontWeight: 700 } } }}
                >
                  <ListItemText primary={t(s.label)} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </nav>
      </Drawer>
      <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, p: 3, minWidth: 0, outline: 'none' }}>
        <Toolbar />
        {live === 'lost' && (
          <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
            {t('connection.lost')}
          </Alert>
        )}
        {/* Kept in the page so that screen readers hear when the connection is back. */}
        <Box role="status" aria-live="polite">
          {recovered && (
            <Alert severity="success" sx={{ mb: 2 }}>
              {t('connection.recovered')}
            </Alert>
          )}
        </Box>
        <Outlet />
      </Box>
    </Box>
  );
}
