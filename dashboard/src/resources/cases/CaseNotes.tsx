import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { Box, Paper, Typography } from '@mui/material';
import { TextInput, required, useDataProvider, useRecordContext } from 'react-admin';
import { AddItemForm } from '../../components/AddItemForm';
import { EmptyText } from '../../components/EmptyText';
import { Section } from '../../components/Section';
import { formatWhen } from '../../components/formatWhen';
import type { LanternDataProvider } from '../../providers/dataProvider';
import type { CaseRecord } from './case';

/** "Add note": addCaseNote(caseId, body); the box empties once the note is saved. */
const AddNoteForm = ({ caseId }: { caseId: CaseRecord['id'] }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  return (
    <AddItemForm
      perform={(values) => dataProvider.addCaseNote(caseId, String(values.body ?? ''))}
      done="lantern.cases.notes.added"
      saveLabel="lantern.cases.notes.add"
      saveIcon={<NoteAddIcon />}
    >
      <TextInput source="body" label="lantern.cases.notes.body" multiline minRows={3} validate={required()} />
    </AddItemForm>
  );
};

/** The case notes, oldest first (a timeline: the newest is last, next to the box to add one). */
export const CaseNotes = ({ canAct }: { canAct: boolean }) => {
  const record = useRecordContext<CaseRecord>();
  if (!record) return null;
  const notes = record.notes ?? [];
  return (
    <Section title="lantern.cases.notes.title" help="lantern.cases.notes.help">
      {notes.length === 0 ? (
        <EmptyText text="lantern.cases.notes.empty" />
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
          {notes.map((note) => (
            <Paper component="li" key={note.id} variant="outlined" sx={{ p: 1.5 }}>
              <Typography variant="caption" color="text.secondary" component="p">
                {[note.author?.name, formatWhen(note.createdAt)].filter(Boolean).join(' · ')}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </Typography>
            </Paper>
          ))}
        </Box>
      )}
      {canAct ? <AddNoteForm caseId={record.id} /> : null}
    </Section>
  );
};
