import { AccessKind, AccessEvent } from '../src/modules/access-log/access-event.entity';
import { AccessLog } from '../src/modules/access-log/access-log';
import { Member } from '../src/modules/member/member.entity';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
let kent: string;
let avon: string;
let skyMemberId: string;
beforeAll(async () => {
  server = await startTestServer();
  kent = await forceId(server, 'kent');
  avon = await forceId(server, 'avon-and-somerset');
  const em = server.orm.em.fork();
  skyMemberId = (await em.findOneOrFail(Member, { user: await em.findOneOrFail(User, { email: 'member@example.org' }) })).id;
});
afterAll(() => server.close());

const KENT = () => server.tokenFor('POLICE_KENT');
const AVON = () => server.tokenFor('POLICE_AVON');
const CW = () => server.tokenFor(Role.CASE_WORKER);
const CORE = 'id reference receivedAt incidentDate incidentTypes forceArea { name } identifiers { kind value } policeSummary consent { police }';
const REPORT = `query ($id: ID!) { report(id: $id) { ${CORE} } }`;
const LIST = `query ($filter: ReportFilter) { reports(filter: $filter, perPage: 100) { totalCount nodes { id } } }`;
const SET = 'mutation ($reportId: ID!, $police: PoliceConsent!) { setReportConsent(reportId: $reportId, police: $police, alerts: true) { id } }';
const SHARE = 'mutation ($reportId: ID!, $forceId: ID!) { shareReportWithForce(reportId: $reportId, forceId: $forceId) { id sharedWith { name } } }';
const UNSHARE = 'mutation ($reportId: ID!, $forceId: ID!) { unshareReportWithForce(reportId: $reportId, forceId: $forceId) { id } }';

const kentReport = (police: string, extra: Record<string, unknown> = {}) =>
  createReport(server, { forceAreaId: kent, consent: { police, alerts: true }, narrative: 'SECRET NARRATIVE', location: 'SECRET LOCATION', ...extra });
const listIds = async (token: string, filter: Record<string, unknown> = {}) =>
  ((await server.gql(LIST, { filter }, token)).data!.reports.nodes as { id: string }[]).map((n) => n.id);

describe('what an officer sees', () => {
  it('their force’s reports with ANONYMOUS_INTELLIGENCE or FULL consent; never NONE; never another force’s', async () => {
    const anon = await kentReport('ANONYMOUS_INTELLIGENCE');
    const full = await kentReport('FULL');
    const none = await kentReport('NONE');
    const kentIds = await listIds(await KENT());
    expect(kentIds).toEqual(expect.arrayContaining([anon.id, full.id]));
    expect(kentIds).not.toContain(none.id);
    expect(await listIds(await AVON())).not.toEqual(expect.arrayContaining([anon.id]));
    const read = await server.gql(REPORT, { id: anon.id }, await KENT());
    expect(read.errors).toBeUndefined();
    expect(read.data!.report).toMatchObject({ policeSummary: 'Assault by a client at a hotel.', consent: { police: 'ANONYMOUS_INTELLIGENCE' }, forceArea: { name: 'Kent Police' } });
  });

  it('an invisible report answers NOT_FOUND exactly like a missing id', async () => {
    const none = await kentReport('NONE');
    const avonReport = await createReport(server, { forceAreaId: avon });
    const missing = await server.gql(REPORT, { id: '00000000-0000-4000-8000-000000000000' }, await KENT());
    for (const id of [none.id, avonReport.id]) {
      const res = await server.gql(REPORT, { id }, await KENT());
      expect(res.errors).toEqual(missing.errors);
      expect(res.data).toEqual(missing.data);
    }
  });

  it('staff-only fields are refused: narrative, location, status, channel, member, case, consent history, linked reports, the rest of the consent', async () => {
    const r = await kentReport('FULL', { memberId: skyMemberId });
    const t = await KENT();
    for (const field of ['narrative', 'location', 'status', 'channel', 'perpetratorDescription', 'member { id }', 'case { id }', 'consentHistory { police }', 'linkedReports { id }', 'caseStatus', 'sharedWith { id }', 'consent { alerts }', 'consent { method }', 'policeReads { at }']) {
      const res = await server.gql(`query ($id: ID!) { report(id: $id) { reference ${field} } }`, { id: r.id }, t);
      expect({ field, codes: codesOf(res) }).toEqual({ field, codes: ['FORBIDDEN'] });
      expect(res.data!.report.reference).toBe(r.reference);
      expect(JSON.stringify(res)).not.toMatch(/SECRET|Sky/);
    }
  });

  it('with FULL consent, only the contact route the member chose; with ANONYMOUS_INTELLIGENCE, not even that', async () => {
    const full = await kentReport('FULL', { memberId: skyMemberId });
    const anon = await kentReport('ANONYMOUS_INTELLIGENCE', { memberId: skyMemberId });
    const q = 'query ($id: ID!) { report(id: $id) { policeContactRoute } }';
    expect((await server.gql(q, { id: full.id }, await KENT())).data!.report.policeContactRoute).toBe('VIA_CASE_WORKER');
    const refused = await server.gql(q, { id: anon.id }, await KENT());
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
  });

  it('police may not sort or filter by what they may not read', async () => {
    const t = await KENT();
    expect((await server.gql(LIST, { filter: { status: 'NEW' } }, t)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'status' });
    expect((await server.gql(LIST, { filter: { memberId: skyMemberId } }, t)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'memberId' });
    const sorted = await server.gql('{ reports(sortField: status) { totalCount } }', {}, t);
    expect(sorted.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'sortField' });
  });

  it('totalCount counts only what the officer may see', async () => {
    const t = await KENT();
    const res = await server.gql(LIST, {}, t);
    expect(res.data!.reports.totalCount).toBe(res.data!.reports.nodes.length);
    const before = res.data!.reports.totalCount;
    await kentReport('NONE');
    await createReport(server, { forceAreaId: avon, consent: { police: 'FULL', alerts: true } });
    expect((await server.gql(LIST, {}, t)).data!.reports.totalCount).toBe(before);
  });
});

describe('withdrawal', () => {
  it('cuts access on the very next request, and the earlier read stays in the access log', async () => {
    const r = await kentReport('ANONYMOUS_INTELLIGENCE');
    const t = await KENT();
    expect((await server.gql(REPORT, { id: r.id }, t)).errors).toBeUndefined();
    await server.gql(SET, { reportId: r.id, police: 'NONE' }, await CW());
    expect(codesOf(await server.gql(REPORT, { id: r.id }, t))).toEqual(['NOT_FOUND']);
    expect(await listIds(t)).not.toContain(r.id);
    const log = await server.gql('query ($id: ID!) { report(id: $id) { policeReads { at force { name } fields } } }', { id: r.id }, await CW());
    expect(log.data!.report.policeReads).toHaveLength(1);
    const limited = await server.gql('query ($id: ID!) { report(id: $id) { policeReads(limit: 500) { at } } }', { id: r.id }, await CW());
    expect(limited.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect(log.data!.report.policeReads[0]).toMatchObject({ force: { name: 'Kent Police' }, fields: expect.arrayContaining(['policeSummary', 'reference']) });
  });
});

describe('the police access log', () => {
  it('records each police read with officer, force, report and fields; the member sees it on their own report', async () => {
    const r = await kentReport('ANONYMOUS_INTELLIGENCE', { memberId: skyMemberId });
    await server.gql('query ($id: ID!) { report(id: $id) { reference policeSummary } }', { id: r.id }, await KENT());
    const em = server.orm.em.fork();
    const events = await em.find(AccessEvent, { report: r.id }, { populate: ['actor', 'force'] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'POLICE_REPORT_READ', actorRole: 'POLICE_PARTNER', fields: ['policeSummary', 'reference'] });
    expect(events[0].actor.email).toBe('police.kent@example.org');
    expect(events[0].force!.name).toBe('Kent Police');
    const mine = await server.gql('query ($id: ID!) { report(id: $id) { policeReads { force { name } fields } } }', { id: r.id }, await server.tokenFor(Role.MEMBER));
    expect(mine.data!.report.policeReads).toEqual([{ force: { name: 'Kent Police' }, fields: ['policeSummary', 'reference'] }]);
  });

  it('a refused field is not logged as read, and a list read logs each report', async () => {
    const r = await kentReport('ANONYMOUS_INTELLIGENCE');
    await server.gql('query ($id: ID!) { report(id: $id) { narrative } }', { id: r.id }, await KENT());
    expect(await server.orm.em.fork().count(AccessEvent, { report: r.id })).toBe(0);
    await server.gql('{ reports(perPage: 100) { nodes { reference } } }', {}, await KENT());
    expect(await server.orm.em.fork().count(AccessEvent, { report: r.id })).toBe(1);
  });

  it('one list read logs each report with the fields read of it, when reports differ in what the officer may read', async () => {
    const anon = await kentReport('ANONYMOUS_INTELLIGENCE', { identifiers: [{ kind: 'PHONE', value: '07700 900123' }] });
    const full = await kentReport('FULL', { identifiers: [{ kind: 'PHONE', value: '07700 900124' }] });
    const res = await server.gql('query ($ids: [ID!]) { reports(filter: { ids: $ids }) { nodes { id reference policeContactRoute } } }', { ids: [anon.id, full.id] }, await KENT());
    expect(res.data!.reports.nodes).toHaveLength(2);
    const em = server.orm.em.fork();
    const fieldsOf = async (id: string) => (await em.find(AccessEvent, { report: id })).map((e) => ({ kind: e.kind, member: e.member, fields: e.fields }));
    // The contact route is refused for anonymous intelligence, read for full consent: two groups, each row its own.
    expect(await fieldsOf(anon.id)).toEqual([{ kind: 'POLICE_REPORT_READ', member: null, fields: ['id', 'reference'] }]);
    expect(await fieldsOf(full.id)).toEqual([{ kind: 'POLICE_REPORT_READ', member: null, fields: ['id', 'policeContactRoute', 'reference'] }]);
  });

  it('a log holding reports and members writes each as its own kind of record', async () => {
    const em = server.orm.em.fork();
    const officer = await em.findOneOrFail(User, { email: 'police.kent@example.org' }, { populate: ['force'] });
    const a = await kentReport('FULL');
    const b = await kentReport('FULL');
    const log = new AccessLog();
    log.record(AccessKind.POLICE_REPORT_READ, { reportId: a.id }, 'reference');
    log.record(AccessKind.MEMBER_CONTACT_READ, { memberId: skyMemberId }, 'reference');
    log.record(AccessKind.POLICE_REPORT_READ, { reportId: b.id }, 'reference');
    log.record(AccessKind.POLICE_REPORT_READ, { reportId: b.id }, 'narrative');
    await log.flush(em, officer);
    const rows = await em.getConnection().execute<{ kind: string; report_id: string | null; member_id: string | null; fields: string[] }[]>(
      'select kind, report_id, member_id, fields from access_event where report_id in (?, ?) or (member_id = ? and actor_id = ?) order by fields',
      [a.id, b.id, skyMemberId, officer.id],
    );
    expect(rows).toEqual([
      { kind: 'POLICE_REPORT_READ', report_id: b.id, member_id: null, fields: ['narrative', 'reference'] },
      { kind: 'POLICE_REPORT_READ', report_id: a.id, member_id: null, fields: ['reference'] },
      { kind: 'MEMBER_CONTACT_READ', report_id: null, member_id: skyMemberId, fields: ['reference'] },
    ].sort((x, y) => x.fields.join().localeCompare(y.fields.join())));
  });
});
  it('access events get time-ordered ids (UUID version 7: their first 48 bits are the milliseconds of the read)', async () => {
    const r = await kentReport('FULL');
    const before = Date.now();
    await server.gql('{ reports(perPage: 100) { nodes { reference } } }', {}, await KENT());
    const after = Date.now();
    const events = await server.orm.em.fork().find(AccessEvent, { report: r.id });
    expect(events).toHaveLength(1);
    const hex = events[0].id.replace(/-/g, '');
    expect(hex[12]).toBe('7'); // the version
    expect(['8', '9', 'a', 'b']).toContain(hex[16]); // RFC 9562's variant
    const ms = parseInt(hex.slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before - 5);
    expect(ms).toBeLessThanOrEqual(after + 5);
    const [{ n, distinct }] = await server.orm.em.fork().getConnection().execute<{ n: string; distinct: string }[]>(
      'select count(*) as n, count(distinct id) as distinct from (select lantern_uuid_v7() as id from generate_series(1, 10000)) t',
    );
    expect(distinct).toBe(n); // random below the millisecond: no two alike
  });


describe('sharing with another force', () => {
  it('a case worker shares a consented report; the other force then sees it, until un-shared', async () => {
    const r = await kentReport('ANONYMOUS_INTELLIGENCE');
    expect(codesOf(await server.gql(REPORT, { id: r.id }, await AVON()))).toEqual(['NOT_FOUND']);
    const shared = await server.gql(SHARE, { reportId: r.id, forceId: avon }, await CW());
    expect(shared.data!.shareReportWithForce.sharedWith).toEqual([{ name: 'Avon and Somerset Police' }]);
    expect((await server.gql(REPORT, { id: r.id }, await AVON())).data!.report.reference).toBe(r.reference);
    expect(await listIds(await AVON())).toContain(r.id);
    await server.gql(UNSHARE, { reportId: r.id, forceId: avon }, await CW());
    expect(codesOf(await server.gql(REPORT, { id: r.id }, await AVON()))).toEqual(['NOT_FOUND']);
  });

  it('needs police consent above NONE (CONFLICT), and a real force other than its own', async () => {
    const none = await kentReport('NONE');
    expect((await server.gql(SHARE, { reportId: none.id, forceId: avon }, await CW())).errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'reportId' });
    const anon = await kentReport('ANONYMOUS_INTELLIGENCE');
    expect((await server.gql(SHARE, { reportId: anon.id, forceId: kent }, await CW())).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forceId' });
    expect((await server.gql(SHARE, { reportId: anon.id, forceId: '00000000-0000-4000-8000-000000000000' }, await CW())).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forceId' });
  });

  it('a shared report whose consent is withdrawn disappears for the other force too', async () => {
    const r = await kentReport('FULL');
    await server.gql(SHARE, { reportId: r.id, forceId: avon }, await CW());
    await server.gql(SET, { reportId: r.id, police: 'NONE' }, await CW());
    expect(codesOf(await server.gql(REPORT, { id: r.id }, await AVON()))).toEqual(['NOT_FOUND']);
  });

  it.each([Role.MANAGER, Role.POLICE_PARTNER, Role.MEMBER, Role.ADMIN])('%s may not share', async (role) => {
    const r = await kentReport('ANONYMOUS_INTELLIGENCE');
    expect(codesOf(await server.gql(SHARE, { reportId: r.id, forceId: avon }, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
  });
});

describe('bypass attempts', () => {
  it('aliases fetching many ids in one request: each hidden one is NOT_FOUND, nothing leaks', async () => {
    const visible = await kentReport('ANONYMOUS_INTELLIGENCE');
    const hidden = await kentReport('NONE');
    const res = await server.gql(`query ($a: ID!, $b: ID!) { a: report(id: $a) { narrative policeSummary } b: report(id: $b) { reference policeSummary } }`, { a: visible.id, b: hidden.id }, await KENT());
    expect(res.data?.b ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain(hidden.reference);
    expect(JSON.stringify(res)).not.toContain('SECRET');
    // `report` is non-null, so the hidden one nulls the whole answer; whether the sibling's FORBIDDEN
    // is still reported depends on timing inside graphql-js, so only what must hold is checked.
    const codes = res.errors!.map((e) => e.extensions!.code);
    expect(codes).toContain('NOT_FOUND');
    expect(codes.every((c) => c === 'NOT_FOUND' || c === 'FORBIDDEN')).toBe(true);
  });

  it('fragments and inline fragments get the same rules', async () => {
    const r = await kentReport('ANONYMOUS_INTELLIGENCE');
    const res = await server.gql(`query ($id: ID!) { report(id: $id) { ...F ... on Report { location } } } fragment F on Report { narrative reference }`, { id: r.id }, await KENT());
    expect(res.data!.report).toEqual({ narrative: null, reference: r.reference, location: null });
    expect(codesOf(res).sort()).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('linkedReports cannot lead from a visible report to a hidden one', async () => {
    const visible = await kentReport('ANONYMOUS_INTELLIGENCE', { identifiers: [{ kind: 'PHONE', value: '07700900999' }] });
    await kentReport('NONE', { identifiers: [{ kind: 'PHONE', value: '07700900999' }] });
    const res = await server.gql('query ($id: ID!) { report(id: $id) { linkedReports { reference narrative } } }', { id: visible.id }, await KENT());
    expect(res.data!.report.linkedReports).toBeNull();
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
  });

  it('filtering by identifier finds only visible reports', async () => {
    await kentReport('NONE', { identifiers: [{ kind: 'VEHICLE', value: 'HID 1' }] });
    const res = await server.gql(LIST, { filter: { identifierKind: 'VEHICLE', identifierValue: 'hid1' } }, await KENT());
    expect(res.data!.reports.totalCount).toBe(0);
  });
});
