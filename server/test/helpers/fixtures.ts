import { Force } from '../../src/modules/force/force.entity';
import { Role } from '../../src/policy/roles';
import type { TestServer } from './test-server';

export const REPORT_FIELDS = `id reference receivedAt channel incidentDate incidentTypes status
  forceArea { id name } identifiers { kind value } consent { police alerts statistics method withdrawnAt } caseStatus`;

export async function forceId(server: TestServer, code: string): Promise<string> {
  return (await server.orm.em.fork().findOneOrFail(Force, { code })).id;
}

let counter = 0;

/** A case worker takes a report over the phone; returns the created report. */
export async function createReport(server: TestServer, overrides: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const input = {
    channel: 'PHONE',
    forceAreaId: await forceId(server, 'avon-and-somerset'),
    incidentDate: '2026-01-15',
    incidentTypes: ['VIOLENCE'],
    narrative: `A client became violent after the booking (${++counter}).`,
    location: 'hotel near the station',
    policeSummary: 'Assault by a client at a hotel.',
    perpetratorDescription: 'Tall, beard',
    identifiers: [],
    consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: true },
    ...overrides,
  };
  const res = await server.gql(`mutation ($input: CreateReportInput!) { createReport(input: $input) { ${REPORT_FIELDS} } }`, { input }, await server.tokenFor(Role.CASE_WORKER));
  if (!res.data?.createReport) throw new Error(`createReport failed: ${JSON.stringify(res.errors)}`);
  return res.data.createReport;
}

/** A new member registers through the API; returns their token and member id. */
export async function registerMember(server: TestServer, email: string, extra: Record<string, unknown> = {}): Promise<{ token: string; userId: string }> {
  const res = await server.gql(
    `mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token user { id } } }`,
    {
      input: {
        email,
        password: 'member-password-1',
        pseudonym: 'River',
        alertAreaIds: [await forceId(server, 'kent')],
        workSetting: 'ONLINE',
        ...extra,
      },
    },
  );
  if (!res.data?.registerMember) throw new Error(`registerMember failed: ${JSON.stringify(res.errors)}`);
  return { token: res.data.registerMember.token, userId: res.data.registerMember.user.id };
}
