import { DeleteButton, Edit, SaveButton, Toolbar, useRecordContext } from 'react-admin';
import { TrainingSessionForm } from './TrainingSessionForm';
import type { TrainingSession } from './trainingSession';

const SessionEditToolbar = () => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" confirmTitle="lantern.training.delete_title" confirmContent="lantern.training.delete_content" />
  </Toolbar>
);

/** The form edits the input's names: `forceIds` from the session's `forces`. */
const SessionEditForm = () => {
  const session = useRecordContext<TrainingSession>();
  if (!session) return null;
  const record = {
    ...session,
    forceIds: (session.forces ?? []).map((f) => f.id),
    trainers: (session.trainers ?? []).map(({ name, expertByExperience }) => ({ name, expertByExperience })),
  };
  return <TrainingSessionForm record={record} toolbar={<SessionEditToolbar />} />;
};

/** Pessimistic: updateTrainingSession takes the whole input and the server checks it. */
export const TrainingSessionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SessionEditForm />
  </Edit>
);
