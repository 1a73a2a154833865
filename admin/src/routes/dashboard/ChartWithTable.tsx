import { Box, Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { saveText } from '../credits/ui';

export interface FigureTable {
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** Index of the columns that hold numbers (right-aligned). */
  numeric?: readonly number[];
}

/**
 * A chart that can also be read as a table: the chart is one image with a text summary for
 * screen readers, and a button shows the same figures as a table (with its caption). The
 * CSV from the API can be downloaded next to it.
 */
export function ChartWithTable({
  title,
  summary,
  chart,
  table,
  csv,
  csvName,
  testId,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: FigureTable;
  csv?: string;
  csvName?: string;
  testId: string;
}) {
  const { t } = useI18n();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 2 }} data-testid={testId}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <Button size="small" variant="outlined" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
          {showTable ? t('dashboard.hideTable') : t('dashboard.showTable')}
        </Button>
        {csv && csvName ? (
          <Button size="small" onClick={() => saveText(`${csvName}.csv`, csv)}>
            {t('dashboard.downloadCsv')}
          </Button>
        ) : null}
      </Box>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid={`${testId}-summary`}>
        {summary}
      </Typography>
      {/* The chart repeats the summary and the table in pictures: one labelled image. */}
      <Box role="img" aria-label={summary}>
        {chart}
      </Box>
      <Box id={tableId} hidden={!showTable}>
        {showTable ? (
          <TableContainer>
            <Table size="small">
              <caption>{title}</caption>
              <TableHead>
                <TableRow>
                  {table.columns.map((c, i) => (
                    <TableCell key={c} align={table.numeric?.includes(i) ? 'right' : 'left'} scope="col">
                      {c}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {table.rows.map((r, ri) => (
                  <TableRow key={ri}>
                    {r.map((cell, i) =>
                      i === 0 ? (
                        <TableCell key={i} component="th" scope="row">
                          {cell}
                        </TableCell>
                      ) : (
                        <TableCell key={i} align={table.numeric?.includes(i) ? 'right' : 'left'}>
                          {cell}
                        </TableCell>
                      ),
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : null}
      </Box>
    </Paper>
  );
}
