import { Chip, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { financialYearChoices } from '../../components/financialYear';
import { hasExpertByExperience, intentShare, trainingFormatChoices, trainingSessionExporter, type TrainingSession } from './trainingSession';

// The TrainingSessionFilter's own names. The programme is matched exactly.
const staffFilters = [
  <ReferenceInput key="force" source="forceId" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50} alwaysOn>
    <AutocompleteInput label="lantern.training.filter_force" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="financialYear" source="financialYear" choices={financialYearChoices(2012)} alwaysOn />,
  <TextInput key="programme" source="programme" alwaysOn />,
  <SelectInput key="format" source="format" choices={trainingFormatChoices} alwaysOn />,
];

/** An officer sees only the sessions their force attended: no force to choose. */
const policeFilters = staffFilters.slice(1);

const SessionListActions = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'trainingSessions', action: 'create' });
  return (
    <TopToolbar>
      {canCreate ? <CreateButton /> : null}
      <ExportButton maxResults={5000} />
    </TopToolbar>
  );
};

export const ForcesField = (_props: { label?: string }) => {
  const session = useRecordContext<TrainingSession>();
  if (!session?.forces?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {session.forces.map((force) => (
        <li key={force.id}>
          <Chip size="small" variant="outlined" label={force.name} />
        </li>
      ))}
    </Stack>
  );
};

const ExpertField = (_props: { label?: string }) => {
  const session = useRecordContext<TrainingSession>();
  const translate = useTranslate();
  if (!session) return null;
  return <Typography variant="body2">{translate(hasExpertByExperience(session) ? 'lantern.common.yes' : 'lantern.common.no')}</Typography>;
};

/** "24 of 25 (96%)", or "Not recorded". */
const IntentField = (_props: { label?: string }) => {
  const session = useRecordContext<TrainingSession>();
  const translate = useTranslate();
  if (!session) return null;
  const f = session.feedback;
  if (!f) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('lantern.training.feedback_none_short')}
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {translate('lantern.training.intent_of', { intend: f.intendToUse, responses: f.responses, share: intentShare(f) ?? 0 })}
    </Typography>
  );
};

/**
 * Training sessions, newest first. Managers record them; everyone who sees the list may export it
 * as CSV. A police partner sees only the sessions their force attended.
 */
export const TrainingSessionList = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  const police = permissions === 'POLICE_PARTNER';
  return (
    <List
      filters={police ? policeFilters : staffFilters}
      actions={<SessionListActions />}
      exporter={trainingSessionExporter}
      sort={{ field: 'date', order: 'DESC' }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="date">
          <DayField source="date" />
        </DataTable.Col>
        <DataTable.Col source="programme" disableSort />
        <DataTable.Col source="forces" disableSort>
          <ForcesField />
        </DataTable.Col>
        <DataTable.Col source="format" disableSort>
          <SelectField source="format" choices={trainingFormatChoices} />
        </DataTable.Col>
        <DataTable.Col source="location" disableSort />
        <DataTable.Col source="officersAttending" align="right" />
        <DataTable.Col source="trainers" label="lantern.training.with_expert" disableSort>
          <ExpertField />
        </DataTable.Col>
        <DataTable.Col source="feedback" label="lantern.training.intent_column" disableSort>
          <IntentField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
