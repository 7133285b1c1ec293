import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import { Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DateField,
  Labeled,
  SelectField,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { ShowLink } from '../../components/ShowLink';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import { caseStatusChoices, type Report } from './report';

/** "Open a case" (openCase, assigned to the caller), then on to the new case. */
const OpenCaseButton = ({ report }: { report: Report }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setOpening(true);
    try {
      const { data } = await dataProvider.openCase(report.id);
      notify('lantern.reports.case.opened', { type: 'success' });
      redirect('show', 'cases', data.id);
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
      setOpening(false);
    }
  };
  return (
    <Button variant="contained" startIcon={<FolderOpenIcon />} onClick={open} disabled={opening} sx={{ mt: 1 }}>
      {translate('lantern.reports.case.open')}
    </Button>
  );
};

/** The case tab: the case's status and a link to it, or "Open a case" for a case worker. */
export const ReportCase = (_props: { label?: string | false }) => {
  const report = useRecordContext<Report>();
  const translate = useTranslate();
  const { canAccess: canOpen } = useCanAccess({ resource: 'cases', action: 'create' });
  if (!report) return null;
  if (!report.case) {
    return (
      <Box>
        <Typography>{translate('lantern.reports.case.none')}</Typography>
        {canOpen ? <OpenCaseButton report={report} /> : null}
      </Box>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1 }}>
        <Labeled label="lantern.reports.case.status">
          <SelectField source="case.status" choices={caseStatusChoices} />
        </Labeled>
        <Labeled label="lantern.reports.case.opened_at">
          <DateField locales="en-GB" source="case.openedAt" showTime />
        </Labeled>
      </Box>
      <Box>
        <ShowLink resource="cases" id={report.case.id}>
          {translate('lantern.reports.case.go')}
        </ShowLink>
      </Box>
    </Box>
  );
};
