import { Alert as MuiAlert, Box, Button } from '@mui/material';
import {
  Edit,
  FormDataConsumer,
  Link,
  SimpleForm,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AlertFindings } from './AlertFindings';
import { AlertSourcesSection, AlertTextSection, AlertWhereWhatSection } from './AlertFormSections';
import type { Alert, AlertIdentifier } from './alert';

interface AlertFormValues {
  title?: string;
  body?: string;
}

/** The findings as of the last save; "Submit for review" waits until the text in the editor is saved. */
const FindingsOfSavedText = ({ alert }: { alert: Alert }) => (
  <FormDataConsumer<AlertFormValues>>
    {({ formData }) => (
      <AlertFindings alert={alert} unsaved={(formData.title ?? '') !== alert.title || (formData.body ?? '') !== (alert.body ?? '')} />
    )}
  </FormDataConsumer>
);

const NotADraft = ({ alert }: { alert: Alert }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Box sx={{ p: 2 }}>
      <MuiAlert
        severity="info"
        action={
          <Button component={Link} to={createPath({ resource: 'alerts', id: alert.id, type: 'show' })}>
            {translate('lantern.alerts.open_alert')}
          </Button>
        }
      >
        {translate('lantern.alerts.only_drafts')}
      </MuiAlert>
    </Box>
  );
};

/**
 * The editor of a draft. The form edits the AlertInput's names: `targetAreaIds` and
 * `sourceReportIds` (from the record's `targetAreas` and `sourceReports`). The findings shown
 * are the server's check of the saved text: fixing the text and saving makes them go.
 */
const AlertEditForm = () => {
  const alert = useRecordContext<Alert>();
  if (!alert) return null;
  if (alert.status !== 'DRAFT') return <NotADraft alert={alert} />;
  const record = {
    ...alert,
    targetAreaIds: (alert.targetAreas ?? []).map((f) => f.id),
    sourceReportIds: (alert.sourceReports ?? []).map((r) => r.id),
    shownIdentifiers: (alert.shownIdentifiers ?? []).map(({ kind, value }: AlertIdentifier) => ({ kind, value })),
  };
  return (
    <SimpleForm record={record}>
      <FindingsOfSavedText alert={alert} />
      <AlertTextSection />
      <AlertWhereWhatSection />
      <AlertSourcesSection />
    </SimpleForm>
  );
};

/** Pessimistic, and staying on the page: the answer brings the new findings at once. */
export const AlertEdit = () => (
  <Edit mutationMode="pessimistic" redirect={false} actions={false}>
    <AlertEditForm />
  </Edit>
);
