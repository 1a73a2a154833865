import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { type FormEvent, type ReactNode, useId } from 'react';
import { loadToken } from '../../auth/session';

/**
 * A dialog holding a form. MUI's modal traps the focus inside and gives it back to the button
 * that opened the dialog when it closes; the first field takes the focus (`autoFocus` on it).
 */
export function FormDialog({
  open,
  title,
  onClose,
  onSubmit,
  submitLabel,
  cancelLabel,
  busy,
  children,
  destructive,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  cancelLabel: string;
  busy?: boolean;
  children: ReactNode;
  destructive?: boolean;
}) {
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>{children}</DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button type="submit" variant="contained" color={destructive ? 'error' : 'primary'} disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export interface RowErrorLike {
  line: number;
  employeeNumber?: string | null;
  message: string;
  column?: string | null;
}

/** The per-row report of a CSV upload: line, employee number and the server's message. */
export function RowErrorTable({ caption, errors, labels }: { caption: string; errors: readonly RowErrorLike[]; labels: { line: string; employeeNumber: string; message: string } }) {
  return (
    <TableContainer>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{labels.line}</TableCell>
            <TableCell scope="col">{labels.employeeNumber}</TableCell>
            <TableCell scope="col">{labels.message}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {errors.map((e, i) => (
            <TableRow key={`${e.line}-${i}`}>
              <TableCell>{e.line}</TableCell>
              <TableCell>{e.employeeNumber ?? ''}</TableCell>
              <TableCell>{e.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Saves text as a file (a CSV export), through a temporary object URL. */
export function saveText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(filename, new Blob([text], { type }));
}

export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a document the API serves over HTTP with the session's bearer token (transcripts:
 * the token is never put in a URL, so a plain link cannot carry it).
 */
export async function downloadWithToken(path: string, filename: string): Promise<void> {
  const token = loadToken();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  saveBlob(filename, await res.blob());
}

/** A new idempotency key: one per dialog opening, so a retried submit records once. */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; getRandomValues works on plain HTTP too.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
