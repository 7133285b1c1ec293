import { gql } from '@apollo/client';
import type { Identifier } from 'react-admin';
import { apolloClient } from '../providers/apolloClient';
import { toHttpError } from '../providers/errors';

/**
 * The retention calls the dashboard makes outside react-admin's CRUD: legal holds (place,
 * release, the one in force on a record), erasure at a member's request, and a retention run now.
 * Errors come back as react-admin HttpErrors (their field errors mark the form's inputs).
 */

export type LegalHoldTarget = 'MEMBER' | 'REPORT';

export interface LegalHold {
  id: Identifier;
  target: LegalHoldTarget;
  entityId: Identifier;
  active: boolean;
  reason: string;
  placedAt: string;
  placedByName: string | null;
  releasedAt: string | null;
  releaseReason: string | null;
  releasedByName: string | null;
}

export interface RetentionRun {
  runId: string;
  outcomes: { action: string; count: number; cutoff: string | null }[];
}

export const LEGAL_HOLD = 'id target entityId active reason placedAt placedByName releasedAt releaseReason releasedByName';

const ACTIVE_HOLD = gql`
  query ActiveLegalHold($entityId: ID!) {
    legalHolds(filter: { entityId: $entityId, active: true }, perPage: 1) { nodes { ${LEGAL_HOLD} } }
  }
`;
const PLACE = gql`
  mutation PlaceLegalHold($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) { ${LEGAL_HOLD} } }
`;
const RELEASE = gql`
  mutation ReleaseLegalHold($id: ID!, $reason: String!) { releaseLegalHold(id: $id, reason: $reason) { ${LEGAL_HOLD} } }
`;
const ERASE = gql`
  mutation EraseMember($memberId: ID!) { eraseMember(memberId: $memberId) { id erasedAt } }
`;
const RUN = gql`
  mutation RunRetention { runRetention { runId outcomes { action count cutoff } } }
`;

const api = <T>(promise: Promise<T>): Promise<T> =>
  promise.catch((error: unknown) => {
    throw toHttpError(error);
  });

/** The hold in force on a member or a report (null when none). */
export const activeLegalHold = (entityId: Identifier) =>
  api(
    apolloClient
      .query<{ legalHolds: { nodes: LegalHold[] } }>({ query: ACTIVE_HOLD, variables: { entityId }, fetchPolicy: 'no-cache' })
      .then(({ data }) => data?.legalHolds.nodes[0] ?? null),
  );

export const placeLegalHold = (target: LegalHoldTarget, id: Identifier, reason: string) =>
  api(apolloClient.mutate<{ placeLegalHold: LegalHold }>({ mutation: PLACE, variables: { input: { target, id, reason } } }).then(({ data }) => data!.placeLegalHold));

export const releaseLegalHold = (id: Identifier, reason: string) =>
  api(apolloClient.mutate<{ releaseLegalHold: LegalHold }>({ mutation: RELEASE, variables: { id, reason } }).then(({ data }) => data!.releaseLegalHold));

export const eraseMember = (memberId: Identifier) =>
  api(apolloClient.mutate<{ eraseMember: { id: Identifier; erasedAt: string } }>({ mutation: ERASE, variables: { memberId } }).then(({ data }) => data!.eraseMember));

export const runRetention = () => api(apolloClient.mutate<{ runRetention: RetentionRun }>({ mutation: RUN }).then(({ data }) => data!.runRetention));
