import { Typography } from '@mui/material';
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

/**
 * The h1 of a screen. It takes the focus when the screen mounts, so that after a navigation a
 * screen reader starts at the new page's title (a single-page app has no page load to do it),
 * and it sets the document title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Typography ref={ref} variant="h5" component="h1" tabIndex={-1} sx={{ mb: 2, outline: 'none' }}>
      {children}
    </Typography>
  );
}
