import { Create } from 'react-admin';
import { todayInLondon } from '../reports/report';
import { TrainingSessionForm } from './TrainingSessionForm';

/** A manager records a session (createTrainingSession); its page then offers "Record feedback". */
export const TrainingSessionCreate = () => (
  <Create redirect="show">
    <TrainingSessionForm defaultValues={{ date: todayInLondon(), format: 'IN_PERSON', forceIds: [], trainers: [] }} />
  </Create>
);
