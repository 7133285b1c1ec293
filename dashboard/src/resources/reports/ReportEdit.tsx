import { Edit, SimpleForm } from 'react-admin';
import {
  AccountSection,
  ForPoliceSection,
  MemberSection,
  StatusSection,
  WhatHappenedSection,
  WhereSection,
  WhoSection,
} from './ReportFormSections';

/**
 * Corrections by a case worker (updateReport sends only what changed). Not consent: that
 * changes only through "Change consent" on the report's Consent tab, which keeps its history.
 * Pessimistic, so the server's answer (a bad date, an unreadable phone number) shows at once.
 */
export const ReportEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <WhatHappenedSection />
      <WhereSection />
      <WhoSection />
      <AccountSection />
      <ForPoliceSection />
      <MemberSection />
      <StatusSection />
    </SimpleForm>
  </Edit>
);
