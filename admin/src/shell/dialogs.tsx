import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { type FormEvent, type ReactNode, useId } from 'react';
import { useViewer } from '../auth/AuthProvider';
import { useI18n } from '../i18n';

/** Only institute administrators change the catalogue, demands and rounds (the API says so too). */
export function useCanManage(): boolean {
  return useViewer().roles.includes('INSTITUTE_ADMIN');
}

interface FormDialogProps {
  open: boolean;
  title: string;
  /** Without it the dialog only shows and has a single close button. */
  submitLabel?: string;
  cancelLabel?: string;
  busy?: boolean;
  /** An error that concerns no single field (shown above the fields, read out at once). */
  formError?: string | null;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
  maxWidth?: 'xs' | 'sm' | 'md';
}

/**
 * A dialog holding a form. MUI's Dialog traps the focus while open and gives it back to the
 * control that opened it when it closes; the first field takes the focus on opening (autoFocus on
 * that field), and Enter in a field submits.
 */
export function FormDialog({ open, title, submitLabel, cancelLabel, busy, formError, onClose, onSubmit, children, maxWidth = 'sm' }: FormDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && submitLabel) onSubmit();
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth={maxWidth}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {formError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {cancelLabel ?? (submitLabel ? t('dialogs.cancel') : t('dialogs.close'))}
          </Button>
          {submitLabel && (
            <Button type="submit" variant="contained" disabled={busy}>
              {submitLabel}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onClose(): void;
  onConfirm(): void;
}

/** Asks before an action that cannot be undone; the safe choice (cancel) has the focus first. */
export function ConfirmDialog({ open, title, message, confirmLabel, busy, error, onClose, onConfirm }: ConfirmDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const textId = useId();
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} aria-describedby={textId} role="alertdialog">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <DialogContentText id={textId}>{message}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} autoFocus>
          {t('dialogs.cancel')}
        </Button>
        <Button onClick={onConfirm} variant="contained" color="error" disabled={busy}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
