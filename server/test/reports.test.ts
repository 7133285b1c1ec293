import { Report } from '../src/modules/report/report.entity';
import { ConsentEvent } from '../src/modules/consent/consent.entity';
import { nextReference } from '../src/modules/report/report.service';
import { Role } from '../src/policy/roles';
import { createReport, forceId, registerMember, REPORT_FIELDS } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const token = (role: Role) => server.tokenFor(role);
const countReports = () => server.orm.em.fork().count(Report, {});
const REPORT = `query ($id: ID!) { report(id: $id) { ${REPORT_FIELDS} narrative location policeSummary perpetratorDescription } }`;
const REPORTS = `query ($filter: ReportFilter, $perPage: Int, $sortField: ReportSortField, $sortOrder: SortOrder) {
  reports(filter: $filter, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { totalCount nodes { id reference } }
}`;

describe('createReport (case worker intake)', () => {
  it('creates a report with a sequential reference, normalised identifiers and the consent with its first history event', async () => {
    const a = await createReport(server, {
      identifiers: [
        { kind: 'PHONE', value: '07700 900123' },
        { kind: 'VEHICLE', value: 'ab12 cde' },
        { kind: 'PHONE', value: '+447700900123' },
      ],
    });
    const b = await createReport(server);
    const year = new Date().getUTCFullYear();
    expect(a.reference).toMatch(new RegExp(`^LN-${year}-\\d{6}$`));
    expect(Number(b.reference.slice(-6))).toBe(Number(a.reference.slice(-6)) + 1);
    expect(a.identifiers).toEqual(expect.arrayContaining([{ kind: 'PHONE', value: '+447700900123' }, { kind: 'VEHICLE', value: 'AB12CDE' }]));
    expect(a.identifiers).toHaveLength(2);
    expect(a.consent).toMatchObject({ police: 'ANONYMOUS_INTELLIGENCE', alerts: true, statistics: true, method: 'PHONE' });
    expect(a.status).toBe('NEW');
    expect(await server.orm.em.fork().count(ConsentEvent, { report: a.id })).toBe(1);
  });

  it.each([Role.MANAGER, Role.ADMIN, Role.POLICE_PARTNER, Role.MEMBER])('%s may not create a report; nothing is written', async (role) => {
    const before = await countReports();
    const res = await server.gql('mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }', {
      input: { channel: 'PHONE', forceAreaId: await forceId(server, 'kent'), incidentDate: '2026-01-01', incidentTypes: ['THREATS'], narrative: 'x', consent: { police: 'NONE', alerts: false } },
    }, await token(role));
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
    expect(await countReports()).toBe(before);
  });

  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const bad: [string, Record<string, unknown>, string][] = [
    ['an unknown force', { forceAreaId: '00000000-0000-4000-8000-000000000000' }, 'forceAreaId'],
    ['empty incident types', { incidentTypes: [] }, 'incidentTypes'],
    ['an incident date in the future', { incidentDate: tomorrow }, 'incidentDate'],
    ['an impossible date', { incidentDate: '2026-02-30' }, 'incidentDate'],
    ['an unparseable phone number', { identifiers: [{ kind: 'PHONE', value: 'call me maybe' }] }, 'identifiers.0.value'],
    ['a narrative over the size limit', { narrative: 'x'.repeat(20_001) }, 'narrative'],
    ['an unknown member', { memberId: '00000000-0000-4000-8000-000000000000' }, 'memberId'],
  ];
  it.each(bad)('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, change, field) => {
    const before = await countReports();
    await expect(createReport(server, change)).rejects.toThrow(new RegExp(`"code":"BAD_USER_INPUT".*"field":"${field.replace(/\./g, '\\.')}"|"field":"${field.replace(/\./g, '\\.')}".*"code":"BAD_USER_INPUT"`));
    expect(await countReports()).toBe(before);
  });
});

describe('reading reports, by role', () => {
  let reportId: string;
  beforeAll(async () => {
    reportId = (await createReport(server, { narrative: 'Read-by-role narrative' })).id;
  });

  it.each([Role.CASE_WORKER, Role.MANAGER])('%s reads every field', async (role) => {
    const res = await server.gql(REPORT, { id: reportId }, await token(role));
    expect(res.errors).toBeUndefined();
    expect(res.data!.report).toMatchObject({ narrative: 'Read-by-role narrative', location: 'hotel near the station' });
  });

  it('ADMIN may not query reports', async () => {
    expect(codesOf(await server.gql(REPORT, { id: reportId }, await token(Role.ADMIN)))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(REPORTS, {}, await token(Role.ADMIN)))).toEqual(['FORBIDDEN']);
  });

  it('a police partner of another force finds the report NOT_FOUND (police access: test/police.test.ts)', async () => {
    expect(codesOf(await server.gql(REPORT, { id: reportId }, await token(Role.POLICE_PARTNER)))).toEqual(['NOT_FOUND']);
  });

  it('a member sees another member’s report as NOT_FOUND, exactly like a missing one, and not in lists', async () => {
    const t = await token(Role.MEMBER);
    const other = await server.gql(REPORT, { id: reportId }, t);
    const missing = await server.gql(REPORT, { id: '00000000-0000-4000-8000-000000000000' }, t);
    expect(codesOf(other)).toEqual(['NOT_FOUND']);
    expect(other.errors![0].message).toBe(missing.errors![0].message);
    expect(other.errors![0].extensions).toEqual(missing.errors![0].extensions);
    const list = await server.gql(REPORTS, { perPage: 100 }, t);
    expect(list.data!.reports.nodes.map((r: { id: string }) => r.id)).not.toContain(reportId);
  });

  it('a manager is refused the member behind a report (null + FORBIDDEN), the rest of the report still answers', async () => {
    const res = await server.gql('query ($id: ID!) { report(id: $id) { reference member { id } } }', { id: reportId }, await token(Role.MANAGER));
    expect(res.data!.report.reference).toEqual(expect.any(String));
    expect(res.data!.report.member).toBeNull();
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
  });
});

describe('filters', () => {
  beforeAll(async () => {
    await createReport(server, { incidentTypes: ['STALKING'], forceAreaId: await forceId(server, 'northumbria'), incidentDate: '2025-03-01', consent: { police: 'FULL', alerts: true }, identifiers: [{ kind: 'HANDLE', value: '@FilterHandle' }] });
    await createReport(server, { incidentTypes: ['FRAUD', 'THREATS'], forceAreaId: await forceId(server, 'northumbria'), incidentDate: '2025-06-01', consent: { police: 'NONE', alerts: false } });
  });
  const ids = async (filter: Record<string, unknown>) => {
    const res = await server.gql(REPORTS, { filter, perPage: 100 }, await token(Role.CASE_WORKER));
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.reports.totalCount as number;
  };

  it('by force area, incident type, consent, dates, identifier and reference, in SQL', async () => {
    const northumbria = await forceId(server, 'northumbria');
    expect(await ids({ forceAreaId: northumbria })).toBe(2);
    expect(await ids({ forceAreaId: northumbria, incidentType: 'THREATS' })).toBe(1);
    expect(await ids({ forceAreaId: northumbria, policeConsent: 'FULL' })).toBe(1);
    expect(await ids({ forceAreaId: northumbria, incidentFrom: '2025-05-01', incidentTo: '2025-12-31' })).toBe(1);
    expect(await ids({ identifierKind: 'HANDLE', identifierValue: 'filterhandle' })).toBe(1);
    const any = (await server.gql(REPORTS, { perPage: 1 }, await token(Role.CASE_WORKER))).data!.reports.nodes[0];
    expect(await ids({ q: any.reference })).toBe(1);
    expect(await ids({ status: 'CLOSED' })).toBe(0);
  });

  it('an identifier value without its kind is BAD_USER_INPUT naming identifierKind', async () => {
    const res = await server.gql(REPORTS, { filter: { identifierValue: '07700900123' } }, await token(Role.CASE_WORKER));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('identifierKind');
  });
});

describe('linked reports', () => {
  it('links reports that share a normalised identifier, for staff only', async () => {
    const first = await createReport(server, { identifiers: [{ kind: 'PHONE', value: '07700 900777' }] });
    const second = await createReport(server, { identifiers: [{ kind: 'PHONE', value: '+44 7700 900777' }, { kind: 'EMAIL', value: 'x@example.com' }] });
    const unrelated = await createReport(server, { identifiers: [{ kind: 'PHONE', value: '07700 900778' }] });
    const q = 'query ($id: ID!) { report(id: $id) { linkedReports { id reference } } }';
    const res = await server.gql(q, { id: second.id }, await token(Role.CASE_WORKER));
    const linked = res.data!.report.linkedReports.map((r: { id: string }) => r.id);
    expect(linked).toContain(first.id);
    expect(linked).not.toContain(unrelated.id);
    expect(linked).not.toContain(second.id);
  });
});

describe('updateReport', () => {
  it('a case worker corrects a report and replaces its identifiers', async () => {
    const r = await createReport(server, { identifiers: [{ kind: 'PHONE', value: '07700900111' }] });
    const res = await server.gql(`mutation ($id: ID!, $input: UpdateReportInput!) { updateReport(id: $id, input: $input) { ${REPORT_FIELDS} narrative } }`, {
      id: r.id,
      input: { narrative: 'Corrected', incidentTypes: ['RAPE'], status: 'TRIAGED', identifiers: [{ kind: 'VEHICLE', value: 'xy99 zzz' }] },
    }, await token(Role.CASE_WORKER));
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateReport).toMatchObject({ narrative: 'Corrected', incidentTypes: ['RAPE'], status: 'TRIAGED', identifiers: [{ kind: 'VEHICLE', value: 'XY99ZZZ' }] });
  });

  it('a manager may not update; a bad value changes nothing', async () => {
    const r = await createReport(server);
    const m = 'mutation ($id: ID!, $input: UpdateReportInput!) { updateReport(id: $id, input: $input) { id } }';
    expect(codesOf(await server.gql(m, { id: r.id, input: { narrative: 'no' } }, await token(Role.MANAGER)))).toEqual(['FORBIDDEN']);
    const res = await server.gql(m, { id: r.id, input: { narrative: 'should not stick', incidentDate: '2999-01-01' } }, await token(Role.CASE_WORKER));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    const row = await server.orm.em.fork().findOneOrFail(Report, { id: r.id });
    expect(row.narrative).not.toBe('should not stick');
  });
});

describe('members reporting for themselves', () => {
  it('a member submits a report and sees it (and only it) in myReports, with case status but no case', async () => {
    const { token: t } = await registerMember(server, 'self.reporter@example.org');
    const res = await server.gql(`mutation ($input: SubmitReportInput!) { submitReport(input: $input) { ${REPORT_FIELDS} } }`, {
      input: { forceAreaId: await forceId(server, 'kent'), incidentDate: '2026-02-01', incidentTypes: ['HARASSMENT'], narrative: 'He kept messaging.', identifiers: [{ kind: 'HANDLE', value: '@pest' }], consent: { police: 'NONE', alerts: true } },
    }, t);
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitReport).toMatchObject({ channel: 'WEB', consent: { method: 'SELF_SERVICE', police: 'NONE' }, caseStatus: null });
    const mine = await server.gql('{ myReports { totalCount nodes { id narrative } } }', {}, t);
    expect(mine.data!.myReports.totalCount).toBe(1);
    const own = await server.gql('query ($id: ID!) { report(id: $id) { narrative case { id } } }', { id: res.data!.submitReport.id }, t);
    expect(own.data!.report.narrative).toBe('He kept messaging.');
    expect(codesOf(own)).toEqual(['FORBIDDEN']); // the case itself is staff-only
  });

  it.each([Role.CASE_WORKER, Role.MANAGER, Role.ADMIN, Role.POLICE_PARTNER])('%s may not use submitReport or myReports', async (role) => {
    expect(codesOf(await server.gql('{ myReports { totalCount } }', {}, await token(role)))).toEqual(['FORBIDDEN']);
  });
});

describe('references', () => {
  it('a report that is rolled back gives its number back (the sequence is drawn in the same transaction)', async () => {
    const when = new Date('2024-06-01T12:00:00Z');
    const first = await server.orm.em.fork().transactional((em) => nextReference(em, when));
    await expect(
      server.orm.em.fork().transactional(async (em) => {
        await nextReference(em, when);
        throw new Error('the rest of the report failed');
      }),
    ).rejects.toThrow('the rest of the report failed');
    const next = await server.orm.em.fork().transactional((em) => nextReference(em, when));
    expect(Number(next.slice(-6))).toBe(Number(first.slice(-6)) + 1);
    expect(first).toMatch(/^LN-2024-\d{6}$/);
  });
});

describe('keyset pagination (after / endCursor)', () => {
  const PAGE = `query ($after: String, $perPage: Int, $sortField: ReportSortField) {
    reports(after: $after, perPage: $perPage, sortField: $sortField) { totalCount endCursor nodes { id } }
  }`;

  it('walks every report newest first, with no repeat and no gap, and matches the offset pages', async () => {
    const em = server.orm.em.fork();
    const sameInstant = new Date('2026-03-01T12:00:00Z');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createReport(server));
    // Three reports received in the same instant: the id breaks the tie.
    await em.getConnection().execute('update report set received_at = ? where id in (?, ?, ?)', [sameInstant, made[0].id, made[1].id, made[2].id]);
    const cw = await token(Role.CASE_WORKER);
    const all = (await server.gql('{ reports(perPage: 100) { totalCount nodes { id } } }', {}, cw)).data!.reports;
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const res: any = await server.gql(PAGE, { after, perPage: 2 }, cw);
      expect(res.errors).toBeUndefined();
      expect(res.data.reports.totalCount).toBe(all.totalCount);
      seen.push(...res.data.reports.nodes.map((n: { id: string }) => n.id));
      after = res.data.reports.endCursor;
      if (!after) break;
    }
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));
  });

  it('keeps the police scope on every page', async () => {
    await createReport(server, { consent: { police: 'NONE', alerts: false } });
    const police = await token(Role.POLICE_PARTNER);
    const first = (await server.gql(PAGE, { perPage: 1 }, police)).data!.reports;
    const offsetIds = (await server.gql('{ reports(perPage: 100) { nodes { id } } }', {}, police)).data!.reports.nodes.map((n: { id: string }) => n.id);
    const ids = [...first.nodes.map((n: { id: string }) => n.id)];
    let after = first.endCursor;
    while (after) {
      const page = (await server.gql(PAGE, { after, perPage: 1 }, police)).data!.reports;
      ids.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.endCursor;
    }
    expect(ids).toEqual(offsetIds);
  });

  it('refuses a cursor it did not give out, or a cursor with another order, naming `after`', async () => {
    const cw = await token(Role.CASE_WORKER);
    for (const variables of [{ after: 'not-a-cursor' }, { after: Buffer.from('2026-01-01T00:00:00Z|x').toString('base64url') }, { after: Buffer.from(`2026-01-01T00:00:00Z|${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).toString('base64url'), sortField: 'reference' }]) {
      const res = await server.gql(PAGE, variables, cw);
      expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe('after');
    }
  });
});

describe('idempotency keys (a retry never makes a second report)', () => {
  const CREATE = 'mutation ($input: CreateReportInput!) { createReport(input: $input) { id reference } }';
  const SUBMIT = 'mutation ($input: SubmitReportInput!) { submitReport(input: $input) { id reference } }';
  const base = async () => ({
    forceAreaId: await forceId(server, 'kent'),
    incidentDate: '2026-01-10',
    incidentTypes: ['THREATS'],
    narrative: 'Threats by text after a cancelled booking.',
    consent: { police: 'NONE', alerts: false },
  });

  it('the same key again returns the same report, and writes nothing more', async () => {
    const cw = await token(Role.CASE_WORKER);
    const input = { ...(await base()), channel: 'PHONE', idempotencyKey: 'intake-0001-retry' };
    const first = (await server.gql(CREATE, { input }, cw)).data!.createReport;
    const before = await countReports();
    const again = (await server.gql(CREATE, { input }, cw)).data!.createReport;
    expect(again).toEqual(first);
    expect(await countReports()).toBe(before);
    const other = (await server.gql(CREATE, { input: { ...input, idempotencyKey: 'intake-0002-other' } }, cw)).data!.createReport;
    expect(other.id).not.toBe(first.id);
  });

  it('a burst of the same submission from a flaky phone makes exactly one report', async () => {
    const member = await registerMember(server, 'flaky.phone@example.org');
    const input = { ...(await base()), idempotencyKey: 'b7d2c1e0-5f3a-4c1b-9d2e-0a1b2c3d4e5f' };
    const before = await countReports();
    const results = await Promise.all(Array.from({ length: 6 }, () => server.gql(SUBMIT, { input }, member.token)));
    expect(results.map((r) => r.errors)).toEqual(Array(6).fill(undefined));
    expect(new Set(results.map((r) => r.data!.submitReport.id)).size).toBe(1);
    expect(await countReports()).toBe(before + 1);
  });

  it('keys belong to whoever sent them: another account’s same key makes its own report', async () => {
    const input = { ...(await base()), idempotencyKey: 'shared-key-between-two' };
    const a = await registerMember(server, 'key.a@example.org');
    const b = await registerMember(server, 'key.b@example.org');
    const ra = (await server.gql(SUBMIT, { input }, a.token)).data!.submitReport;
    const rb = (await server.gql(SUBMIT, { input }, b.token)).data!.submitReport;
    expect(ra.id).not.toBe(rb.id);
  });

  it('refuses a malformed key by name, and writes nothing', async () => {
    const member = await registerMember(server, 'bad.key@example.org');
    const before = await countReports();
    const res = await server.gql(SUBMIT, { input: { ...(await base()), idempotencyKey: 'short' } }, member.token);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('idempotencyKey');
    expect(await countReports()).toBe(before);
  });
});
