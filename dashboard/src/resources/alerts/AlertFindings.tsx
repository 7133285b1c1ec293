import SendIcon from '@mui/icons-material/Send';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Alert as MuiAlert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  Form,
  SaveButton,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatWhen } from '../../components/formatWhen';
import type { AlertOverrideInput, LanternDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import type { Alert, AlertFinding } from './alert';

/** "in the title", "in the alert text": where a finding is. */
const useFieldName = () => {
  const translate = useTranslate();
  return (field: string) => translate(`resources.alerts.fields.${field}`, { _: field });
};

/** One finding: the words found, what they could reveal, where; and the reason it was kept, if it was. */
const FindingItem = ({ finding, alert }: { finding: AlertFinding; alert: Alert }) => {
  const translate = useTranslate();
  const fieldName = useFieldName();
  const kept = alert.overrides?.find((o) => o.code === finding.code);
  return (
    <ListItem disableGutters sx={{ display: 'block', py: 0.75 }}>
      <Typography variant="body1" component="p">
        <Box component="mark" sx={{ bgcolor: 'warning.light', color: 'text.primary', px: 0.5, borderRadius: 0.5 }}>
          {finding.excerpt}
        </Box>
      </Typography>
      <Typography variant="body2" component="p">
        {finding.message}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {translate('lantern.alerts.findings.in_field', { field: fieldName(finding.field) })}
      </Typography>
      {kept ? (
        <Typography variant="body2" component="p" sx={{ mt: 0.5 }}>
          {translate('lantern.alerts.findings.kept_because', { reason: kept.reason, name: kept.byName, when: formatWhen(kept.at) })}
        </Typography>
      ) : null}
    </ListItem>
  );
};

interface SubmitDialogProps {
  alert: Alert;
  open: boolean;
  onClose: () => void;
}

/**
 * For each finding still in the text: why it is safe to keep ("Keep, because…"). A finding the
 * author would rather fix is fixed by editing the text; it then disappears on save.
 */
const SubmitDialog = ({ alert, open, onClose }: SubmitDialogProps) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const fieldName = useFieldName();
  const titleId = useId();
  const [serverError, setServerError] = useState<string | null>(null);
  const findings = alert.findings ?? [];
  const submit = async (values: Record<string, unknown>) => {
    const overrides = ((values.overrides as AlertOverrideInput[] | undefined) ?? []).filter((o) => o.reason?.trim());
    try {
      await dataProvider.submitAlertForReview(alert.id, overrides);
      setServerError(null);
      notify('lantern.alerts.submitted', { type: 'success' });
      onClose();
      redirect('show', 'alerts', alert.id);
      refresh();
    } catch (error) {
      const { message } = toHttpError(error);
      setServerError(message);
      notify(message, { type: 'error', messageArgs: { _: message } });
      refresh(); // the findings are computed on every read: show the ones there are now
    }
    return undefined;
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <Form record={{ id: alert.id, overrides: findings.map((f) => ({ code: f.code, reason: '' })) }} onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate('lantern.alerts.findings.submit_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('lantern.alerts.findings.submit_help')}
          </Typography>
          {serverError ? (
            <MuiAlert severity="error" sx={{ mb: 1, whiteSpace: 'pre-wrap' }}>
              {serverError}
            </MuiAlert>
          ) : null}
          <List>
            {findings.map((finding, index) => (
              <ListItem key={finding.code} disableGutters sx={{ display: 'block' }}>
                <Typography variant="body1" component="p">
                  <Box component="mark" sx={{ bgcolor: 'warning.light', color: 'text.primary', px: 0.5, borderRadius: 0.5 }}>
                    {finding.excerpt}
                  </Box>{' '}
                  <Typography component="span" variant="caption" color="text.secondary">
                    {translate('lantern.alerts.findings.in_field', { field: fieldName(finding.field) })}
                  </Typography>
                </Typography>
                <Typography variant="body2" component="p" sx={{ mb: 0.5 }}>
                  {finding.message}
                </Typography>
                <TextInput
                  source={`overrides.${index}.reason`}
                  label="lantern.alerts.findings.keep_because"
                  multiline
                  validate={required()}
                />
              </ListItem>
            ))}
          </List>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('lantern.common.cancel')}</Button>
          <SaveButton label="lantern.alerts.submit" icon={<SendIcon />} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/**
 * "Submit for review": straight away when nothing in the text could identify the reporter;
 * otherwise a reason for each finding kept. `unsaved`: the editor has changes not yet saved,
 * which the server would not see.
 */
export const SubmitForReviewButton = ({ alert, unsaved = false }: { alert: Alert; unsaved?: boolean }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (alert.status !== 'DRAFT') return null;
  const submitNow = async () => {
    setBusy(true);
    try {
      await dataProvider.submitAlertForReview(alert.id, []);
      notify('lantern.alerts.submitted', { type: 'success' });
      redirect('show', 'alerts', alert.id);
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Box>
      <Button
        variant="contained"
        startIcon={<SendIcon />}
        disabled={busy || unsaved}
        onClick={() => ((alert.findings?.length ?? 0) > 0 ? setOpen(true) : void submitNow())}
      >
        {translate('lantern.alerts.submit')}
      </Button>
      {unsaved ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {translate('lantern.alerts.findings.save_first')}
        </Typography>
      ) : null}
      <SubmitDialog alert={alert} open={open} onClose={() => setOpen(false)} />
    </Box>
  );
};

/**
 * The re-identification check of the alert's text as saved (computed by the server on every
 * read), for case workers and managers: prominent on a draft, with "Submit for review"; on a
 * submitted alert, each finding with the reason it was kept.
 */
export const AlertFindings = ({ alert, unsaved = false }: { alert: Alert; unsaved?: boolean }) => {
  const translate = useTranslate();
  const headingId = useId();
  if (alert.findings == null) return null; // not staff: never read
  const findings = alert.findings;
  const draft = alert.status === 'DRAFT';
  const open = findings.length > 0;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      sx={{ p: 2, borderWidth: open ? 2 : 1, borderColor: open ? 'warning.main' : 'divider', width: '100%', mb: 2 }}
    >
      <Stack direction="row" spacing={1} alignItems="center">
        {open ? <WarningAmberIcon color="warning" /> : null}
        <Typography id={headingId} variant="h6" component="h2">
          {translate('lantern.alerts.findings.title')}
        </Typography>
      </Stack>
      {open ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate(draft ? 'lantern.alerts.findings.help_draft' : 'lantern.alerts.findings.help_kept', {
              smart_count: findings.length,
            })}
          </Typography>
          <List dense>
            {findings.map((finding) => (
              <FindingItem key={finding.code} finding={finding} alert={alert} />
            ))}
          </List>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('lantern.alerts.findings.none')}
        </Typography>
      )}
      {draft ? <SubmitForReviewButton alert={alert} unsaved={unsaved} /> : null}
    </Paper>
  );
};
