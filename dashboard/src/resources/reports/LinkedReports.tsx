import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EmptyText } from '../../components/EmptyText';
import { reportColumns } from '../../components/reportColumns';
import { sharedIdentifiers, type LinkedReport, type Report } from './report';

/** Which of this report's identifiers the linked report also names: why they are linked. */
const SharedIdentifiers = ({ report }: { report: Report }) => {
  const linked = useRecordContext<LinkedReport>();
  const translate = useTranslate();
  const shared = sharedIdentifiers(report.identifiers, linked?.identifiers);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {shared.map((identifier) => (
        <Chip
          key={`${identifier.kind}|${identifier.value}`}
          size="small"
          variant="outlined"
          label={`${translate(`lantern.enums.IdentifierKind.${identifier.kind}`)}: ${identifier.value}`}
        />
      ))}
    </Stack>
  );
};

/**
 * Other reports sharing a perpetrator identifier with this one (the server matches normalised
 * values), newest first: this is how a repeat perpetrator is seen. Each opens its own report.
 */
export const LinkedReports = (_props: { label?: string | false }) => {
  const report = useRecordContext<Report>();
  const translate = useTranslate();
  if (!report) return null;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('lantern.reports.linked.help')}
      </Typography>
      <ArrayField source="linkedReports">
        <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyText text="lantern.reports.linked.empty" />}>
          {reportColumns(['reference', 'receivedAt', 'incidentDate', 'forceArea', 'incidentTypes'])}
          <DataTable.Col label="lantern.reports.linked.shared" disableSort>
            <SharedIdentifiers report={report} />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </Box>
  );
};
