import { Create, SimpleForm } from 'react-admin';
import { AlertSourcesSection, AlertTextSection, AlertWhereWhatSection } from './AlertFormSections';

/**
 * A case worker or a manager drafts an alert (createAlert). It opens in the editor, where the
 * re-identification check of the saved text is shown and it can be submitted for review.
 */
export const AlertCreate = () => (
  <Create redirect="edit">
    <SimpleForm defaultValues={{ targetAreaIds: [], incidentTypes: [], sourceReportIds: [], shownIdentifiers: [] }}>
      <AlertTextSection />
      <AlertWhereWhatSection />
      <AlertSourcesSection />
    </SimpleForm>
  </Create>
);
