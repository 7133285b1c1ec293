import { useMemo } from 'react';
import { Create, SimpleForm } from 'react-admin';
import {
  AccountSection,
  ConsentSection,
  ForPoliceSection,
  HowItCameInSection,
  MemberSection,
  WhatHappenedSection,
  WhereSection,
  WhoSection,
} from './ReportFormSections';

/**
 * The guided intake a case worker fills in while on the phone: how it came in (phone, now),
 * what happened, where, who, the account, what police may read, consent, and the member if known.
 * Consent starts at "None" for the police; alerts and statistics are asked, never assumed.
 */
export const ReportCreate = () => {
  // "Received": when the call started, i.e. when this form was opened.
  // One idempotency key per intake: a save retried after a dropped connection returns the report
  // already made instead of a second one.
  const defaultValues = useMemo(
    () => ({ channel: 'PHONE', receivedAt: new Date().toISOString(), consent: { police: 'NONE' }, idempotencyKey: newIdempotencyKey() }),
    [],
  );
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaultValues}>
        <HowItCameInSection />
        <WhatHappenedSection />
        <WhereSection />
        <WhoSection />
        <AccountSection />
        <ForPoliceSection />
        <ConsentSection />
        <MemberSection />
      </SimpleForm>
    </Create>
  );
};

/** 32 hex digits from the browser's CSPRNG. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
