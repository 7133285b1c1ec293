import { Alert, Box, Divider, List as MuiList, ListItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  DateField,
  DeleteButton,
  EditButton,
  Labeled,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { Section } from '../../components/Section';
import type { ThemeCount } from '../../providers/dataProvider';
import { ForcesField } from './TrainingSessionList';
import { RecordFeedbackButton } from './RecordFeedbackButton';
import { intentShare, trainingFormatChoices, type TrainingSession } from './trainingSession';

const SessionShowActions = () => {
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'trainingSessions', action: 'edit' });
  const { canAccess: canDelete = false } = useCanAccess({ resource: 'trainingSessions', action: 'delete' });
  return (
    <TopToolbar>
      {canEdit ? <EditButton /> : null}
      {canDelete ? (
        <DeleteButton mutationMode="pessimistic" confirmTitle="lantern.training.delete_title" confirmContent="lantern.training.delete_content" />
      ) : null}
    </TopToolbar>
  );
};

const ThemesTable = ({ caption, themes }: { caption: string; themes: ThemeCount[] | undefined }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 260, flex: 1 }}>
      <Typography variant="subtitle2" component="h3">
        {translate(caption)}
      </Typography>
      {themes?.length ? (
        <Table size="small" aria-label={translate(caption)}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('lantern.training.feedback.theme')}</TableCell>
              <TableCell align="right">{translate('lantern.training.feedback.count')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {themes.map((t) => (
              <TableRow key={t.theme}>
                <TableCell>{t.theme}</TableCell>
                <TableCell align="right">{t.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('lantern.training.feedback.no_themes')}
        </Typography>
      )}
    </Box>
  );
};

const Feedback = ({ session, canRecord }: { session: TrainingSession; canRecord: boolean }) => {
  const translate = useTranslate();
  const f = session.feedback;
  return (
    <Section title="lantern.training.feedback.section">
      {f ? (
        <Box data-testid="session-feedback" data-responses={f.responses} data-intend-to-use={f.intendToUse}>
          <Typography variant="body1" sx={{ mb: 1 }}>
            {translate('lantern.training.feedback.summary', {
              responses: f.responses,
              officers: session.officersAttending,
              intend: f.intendToUse,
              share: intentShare(f) ?? 0,
            })}
          </Typography>
          <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
            <ThemesTable caption="lantern.training.feedback.before" themes={f.concernsBefore} />
            <ThemesTable caption="lantern.training.feedback.after" themes={f.concernsAfter} />
          </Box>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('lantern.training.feedback.none')}
        </Typography>
      )}
      {canRecord ? (
        <Box sx={{ mt: 2 }}>
          <RecordFeedbackButton session={session} />
        </Box>
      ) : null}
    </Section>
  );
};

const SessionLayout = () => {
  const session = useRecordContext<TrainingSession>();
  const translate = useTranslate();
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'trainingSessions', action: 'edit' });
  if (!session) return null;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h1">
        {session.programme}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 2 }}>
        <Labeled label="resources.trainingSessions.fields.date">
          <DayField source="date" />
        </Labeled>
        <Labeled label="resources.trainingSessions.fields.financialYear">
          <TextField source="financialYear" />
        </Labeled>
        <Labeled label="resources.trainingSessions.fields.format">
          <SelectField source="format" choices={trainingFormatChoices} />
        </Labeled>
        <Labeled label="resources.trainingSessions.fields.location">
          <TextField source="location" emptyText="–" />
        </Labeled>
        <Labeled label="resources.trainingSessions.fields.officersAttending">
          <Typography variant="body2" data-testid="session-officers">
            {session.officersAttending}
          </Typography>
        </Labeled>
        <Labeled label="resources.trainingSessions.fields.updatedAt">
          <DateField locales="en-GB" source="updatedAt" showTime />
        </Labeled>
      </Box>
      <Labeled label="resources.trainingSessions.fields.forces">
        <ForcesField />
      </Labeled>
      <Section title="resources.trainingSessions.fields.trainers">
        {session.trainers?.length ? (
          <MuiList dense disablePadding>
            {session.trainers.map((t, i) => (
              <ListItem key={`${t.name ?? ''}-${i}`} disableGutters>
                {t.name == null
                  ? translate(t.expertByExperience ? 'lantern.training.form.trainer_expert' : 'lantern.training.trainer_unnamed')
                  : t.expertByExperience
                    ? translate('lantern.training.trainer_expert', { name: t.name })
                    : t.name}
              </ListItem>
            ))}
          </MuiList>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('lantern.training.no_trainers')}
          </Typography>
        )}
      </Section>
      {session.notes ? (
        <Labeled label="resources.trainingSessions.fields.notes">
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {session.notes}
          </Typography>
        </Labeled>
      ) : null}
      <Divider />
      <Feedback session={session} canRecord={canEdit} />
      {!canEdit ? <Alert severity="info">{translate('lantern.training.read_only')}</Alert> : null}
    </Box>
  );
};

export const TrainingSessionShow = () => (
  <Show actions={<SessionShowActions />}>
    <SessionLayout />
  </Show>
);
