import EditNoteIcon from '@mui/icons-material/EditNote';
import { Button } from '@mui/material';
import { useState } from 'react';
import {
  SelectInput,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { FormDialog } from '../../components/FormDialog';
import { YesNoInput } from '../../components/YesNo';
import { submitErrors } from '../../components/submitErrors';
import type { ConsentChange, LanternDataProvider } from '../../providers/dataProvider';
import { PoliceConsentInput } from './PoliceConsentInput';
import { consentMethodChoices, type Report } from './report';

/**
 * "Change consent": the only way a case worker changes a report's consent
 * (setReportConsent), so that every change is in the history with who, how, when and why.
 */
export const ChangeConsentButton = () => {
  const report = useRecordContext<Report>();
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!report?.consent) return null;

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.setReportConsent(report.id, values as unknown as ConsentChange);
      notify('lantern.reports.consent.done', { type: 'success' });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      return submitErrors(error, notify);
    }
  };

  const current = {
    police: report.consent.police,
    alerts: report.consent.alerts,
    statistics: report.consent.statistics,
    method: 'PHONE',
    note: '',
  };

  return (
    <>
      <Button variant="outlined" startIcon={<EditNoteIcon />} onClick={() => setOpen(true)} sx={{ mt: 1 }}>
        {translate('lantern.reports.consent.change')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="lantern.reports.consent.change"
        help="lantern.reports.consent.change_help"
        record={current}
        onSubmit={submit}
      >
        <PoliceConsentInput source="police" />
        <YesNoInput
          source="alerts"
          label="resources.reports.fields.consent.alerts"
          helperText="lantern.reports.intake.alerts_help"
          validate={required()}
        />
        <YesNoInput
          source="statistics"
          label="resources.reports.fields.consent.statistics"
          helperText="lantern.reports.intake.statistics_help"
          validate={required()}
        />
        <SelectInput
          source="method"
          label="resources.reports.fields.consent.method"
          choices={consentMethodChoices.filter((choice) => choice.id !== 'SELF_SERVICE')}
          validate={required()}
        />
        <TextInput
          source="note"
          label="lantern.reports.consent.note"
          helperText="lantern.reports.consent.note_help"
          multiline
          minRows={2}
        />
      </FormDialog>
    </>
  );
};
