import { AccessEvent } from '../modules/access-log/access-event.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { ErasureRequest } from '../modules/retention/erasure-request.entity';
import { LegalHold } from '../modules/retention/legal-hold.entity';
import { Alert, IdentifierCheck } from '../modules/alert/alert.entity';
import { RecoveryCode, SecurityEvent } from '../modules/auth/two-factor.entity';
import { AlertDelivery } from '../modules/delivery/alert-delivery.entity';
import { CaseFile, CaseNote, PoliceContact, SupportAction } from '../modules/case/case.entity';
import { Consent, ConsentEvent } from '../modules/consent/consent.entity';
import { Force } from '../modules/force/force.entity';
import { Funder, FundingRecord } from '../modules/funding/funding.entity';
import { Member } from '../modules/member/member.entity';
import { RateLimitBucket } from '../modules/rate-limit/rate-limit.entity';
import { PoliceRequest } from '../modules/police-request/police-request.entity';
import { ReportShare } from '../modules/report/report-share.entity';
import { Report, ReportIdentifier, ReportSequence } from '../modules/report/report.entity';
import { TrainingFeedback, TrainingInvitation, TrainingSession } from '../modules/training/training.entity';
import { User } from '../modules/user/user.entity';

/** Every entity, listed explicitly (no folder discovery: the same in tests, builds and bundles). */
export const entities = [
  Force,
  User,
  Member,
  Report,
  ReportIdentifier,
  ReportSequence,
  Consent,
  ConsentEvent,
  CaseFile,
  CaseNote,
  SupportAction,
  PoliceContact,
  AccessEvent,
  ReportShare,
  PoliceRequest,
  Alert,
  IdentifierCheck,
  AlertDelivery,
  Funder,
  FundingRecord,
  TrainingSession,
  TrainingFeedback,
  TrainingInvitation,
  RateLimitBucket,
  AuditEvent,
  ErasureRequest,
  LegalHold,
  RecoveryCode,
  SecurityEvent,
];
