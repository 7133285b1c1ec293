import { Box, Divider } from '@mui/material';
import { Show, useCanAccess, useRecordContext } from 'react-admin';
import { LegalHoldPanel } from '../../retention/LegalHoldPanel';
import { CaseHeader } from './CaseHeader';
import { CaseNotes } from './CaseNotes';
import { PoliceContacts } from './PoliceContacts';
import { SupportActions } from './SupportActions';
import type { CaseRecord } from './case';

/**
 * The case page: status and the moves allowed now, assignee, the report; notes; support and
 * referrals; police contacts. Case workers act on it; managers read the same page without any
 * control (canAccess 'edit' on cases, which the server's policy mirrors).
 */
const CaseShowLayout = () => {
  const record = useRecordContext<CaseRecord>();
  const { canAccess: canAct = false } = useCanAccess({ resource: 'cases', action: 'edit' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <CaseHeader canAct={canAct} />
      <Divider />
      {/* A hold on the report covers its case. */}
      <LegalHoldPanel target="REPORT" source="report.id" />
      <Divider />
      <CaseNotes canAct={canAct} />
      <Divider />
      <SupportActions canAct={canAct} />
      <Divider />
      <PoliceContacts canAct={canAct} />
    </Box>
  );
};

export const CaseShow = () => (
  <Show actions={false}>
    <CaseShowLayout />
  </Show>
);
