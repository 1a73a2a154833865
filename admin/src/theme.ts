import { createTheme } from '@mui/material';
import { enUS, koKR } from '@mui/material/locale';
import { enUS as gridEnUS, koKR as gridKoKR } from '@mui/x-data-grid/locales';
import type {} from '@mui/x-data-grid/themeAugmentation';
import { formatters, type Lang, translate } from './i18n';

/** MUI's own texts (pagination, dialogs, the data grid) follow the chosen language. */
export function createAppTheme(lang: Lang) {
  const fmt = formatters(lang);
  return createTheme(
    {
      palette: {
        // Contrast ≥ 4.5:1 on white for text-sized uses (WCAG AA).
        primary: { main: '#0b5394' },
        secondary: { main: '#6a1b9a' },
        // MUI's default error red is 4.3:1 on the grey of a dialog during its fade-in; this
        // one stays above 4.5:1 on white and on light greys (field errors are text).
        error: { main: '#b3261e' },
      },
      components: {
        // Korean wraps between words, not inside them.
        MuiCssBaseline: { styleOverrides: { body: { wordBreak: 'keep-all', overflowWrap: 'anywhere' } } },
      },
      typography: {
        fontFamily: ['Pretendard', '"Noto Sans KR"', '"Apple SD Gothic Neo"', '"Malgun Gothic"', 'system-ui', 'sans-serif'].join(','),
      },
    },
    lang === 'ko' ? koKR : enUS,
    lang === 'ko' ? gridKoKR : gridEnUS,
    // Deep-merged over the grid's locale ("1–25 of 300" is English even in koKR).
    {
      components: {
        MuiDataGrid: {
          defaultProps: {
            localeText: {
              paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) =>
                translate(lang, 'grid.pageRange', { from: fmt.number(from), to: fmt.number(to), count: fmt.number(count) }),
            },
          },
        },
      },
    },
  );
}
