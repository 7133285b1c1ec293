import { XMLParser } from 'fast-xml-parser';
import { Client } from 'pg';
import { Alert, IdentifierCheck } from '../src/modules/alert/alert.entity';
import { CHECKS_PER_DAY } from '../src/modules/alert/alert.service';
import { Member } from '../src/modules/member/member.entity';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { createReport, forceId, registerMember } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
let avon: string;
let skyId: string;
beforeAll(async () => {
  server = await startTestServer();
  avon = await forceId(server, 'avon-and-somerset');
  const em = server.orm.em.fork();
  skyId = (await em.findOneOrFail(Member, { user: await em.findOneOrFail(User, { email: 'member@example.org' }) })).id;
});
afterAll(() => server.close());

const CW = () => server.tokenFor(Role.CASE_WORKER);
const MANAGER = () => server.tokenFor(Role.MANAGER);
const FIELDS = 'id status title body shownIdentifiers { kind value } targetAreas { name } findings { kind code excerpt } overrides { code reason byName } authorName approverName';
const CREATE = `mutation ($input: AlertInput!) { createAlert(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: AlertInput!) { updateAlert(id: $id, input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation ($id: ID!, $overrides: [OverrideInput!]) { submitAlertForReview(id: $id, overrides: $overrides) { ${FIELDS} } }`;
const APPROVE = 'mutation ($id: ID!) { approveAlert(id: $id) { id approverName } }';
const PUBLISH = 'mutation ($id: ID!) { publishAlert(id: $id) { id status publishedAt expiresAt } }';
const FEED = '{ myAlerts { totalCount nodes { id title shownIdentifiers { value } } } }';
const CHECK = 'query ($kind: IdentifierKind!, $value: String!) { checkIdentifier(kind: $kind, value: $value) { value note alerts { id title } } }';

async function sourceReport(extra: Record<string, unknown> = {}) {
  return createReport(server, { forceAreaId: avon, memberId: skyId, location: 'Travelodge, Temple Gate', identifiers: [{ kind: 'PHONE', value: '07700 900 404' }, { kind: 'VEHICLE', value: 'ab12 cde' }], consent: { police: 'NONE', alerts: true }, ...extra });
}
const alertInput = (reportId: string, extra: Record<string, unknown> = {}) => ({
  title: 'Violent client in Bristol',
  body: 'A man who books by phone became violent and refused to pay. Near BS1 6QF.',
  targetAreaIds: [avon],
  incidentTypes: ['VIOLENCE'],
  sourceReportIds: [reportId],
  shownIdentifiers: [{ kind: 'PHONE', value: '+447700900404' }],
  ...extra,
});

describe('drafting', () => {
  it('refuses a source report without alerts consent, empty targets, and identifiers not on the source reports; nothing written', async () => {
    const noConsent = await sourceReport({ consent: { police: 'NONE', alerts: false } });
    const ok = await sourceReport();
    const before = await server.orm.em.fork().count(Alert, {});
    const cases: [Record<string, unknown>, string][] = [
      [alertInput(noConsent.id), 'sourceReportIds'],
      [alertInput(ok.id, { targetAreaIds: [] }), 'targetAreaIds'],
      [alertInput(ok.id, { shownIdentifiers: [{ kind: 'PHONE', value: '07700 900 999' }] }), 'shownIdentifiers.0.value'],
      [alertInput(ok.id, { sourceReportIds: [] }), 'sourceReportIds'],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(CREATE, { input }, await CW());
      expect({ field, ext: res.errors?.[0]?.extensions }).toEqual({ field, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    const unknownKind = await server.gql(CREATE, { input: alertInput(ok.id, { shownIdentifiers: [{ kind: 'FAX', value: '1' }] }) }, await CW());
    expect(codesOf(unknownKind)).toEqual(['BAD_USER_INPUT']);
    expect(await server.orm.em.fork().count(Alert, {})).toBe(before);
  });

  it.each([Role.ADMIN, Role.POLICE_PARTNER, Role.MEMBER])('%s may not draft an alert', async (role) => {
    const r = await sourceReport();
    expect(codesOf(await server.gql(CREATE, { input: alertInput(r.id) }, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
  });
});

describe('from draft to members: the re-identification check and two-person approval', () => {
  it('runs the whole workflow and reaches the members of the target areas only', async () => {
    const r = await sourceReport();
    const draft = (await server.gql(CREATE, { input: alertInput(r.id) }, await CW())).data!.createAlert;
    expect(draft.status).toBe('DRAFT');
    expect(draft.findings).toEqual([expect.objectContaining({ kind: 'POSTCODE', excerpt: 'BS1 6QF' })]);

    // Submitting with the finding neither fixed nor overridden is refused.
    const refused = await server.gql(SUBMIT, { id: draft.id }, await CW());
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'findings' });

    // The case worker fixes the postcode, adds the member's pseudonym by mistake, then overrides nothing: refused again.
    const fixed = (await server.gql(UPDATE, { id: draft.id, input: alertInput(r.id, { body: 'A man who books by phone became violent and refused to pay, in central Bristol. Sky says he is tall.' }) }, await CW())).data!.updateAlert;
    expect(fixed.findings.map((f: { kind: string }) => f.kind)).toEqual(['PSEUDONYM']);
    const clean = (await server.gql(UPDATE, { id: draft.id, input: alertInput(r.id, { body: 'A man who books by phone became violent and refused to pay, in central Bristol. He is tall.' }) }, await CW())).data!.updateAlert;
    expect(clean.findings).toEqual([]);
    const submitted = (await server.gql(SUBMIT, { id: draft.id }, await CW())).data!.submitAlertForReview;
    expect(submitted.status).toBe('PENDING_REVIEW');

    // Publishing before approval is refused; a case worker may not approve.
    expect((await server.gql(PUBLISH, { id: draft.id }, await CW())).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(codesOf(await server.gql(APPROVE, { id: draft.id }, await CW()))).toEqual(['FORBIDDEN']);
    expect((await server.gql(APPROVE, { id: draft.id }, await MANAGER())).data!.approveAlert.approverName).toBe('Morgan Manager');
    const published = (await server.gql(PUBLISH, { id: draft.id }, await CW())).data!.publishAlert;
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String), expiresAt: expect.any(String) });

    // Sky works in Avon and Somerset and sees it; a Kent-only member does not.
    const feedRes = await server.gql(FEED, {}, await server.tokenFor(Role.MEMBER));
    expect(feedRes.errors).toBeUndefined();
    const feed = feedRes.data!.myAlerts;
    expect(feed.nodes.map((n: { id: string }) => n.id)).toContain(draft.id);
    const kentMember = await registerMember(server, 'kent.only@example.org');
    expect((await server.gql(FEED, {}, kentMember.token)).data!.myAlerts.totalCount).toBe(0);
    // Members never see the work behind it.
    const asMember = await server.gql('query ($id: ID!) { alert(id: $id) { title sourceReports { id } authorName } }', { id: draft.id }, await server.tokenFor(Role.MEMBER));
    expect(asMember.data!.alert).toEqual({ title: 'Violent client in Bristol', sourceReports: null, authorName: null });
    expect(codesOf(asMember)).toEqual(['FORBIDDEN', 'FORBIDDEN']);

    // Withdrawn: gone from the feed.
    await server.gql('mutation ($id: ID!) { withdrawAlert(id: $id, reason: "Wrong area") { id } }', { id: draft.id }, await CW());
    expect((await server.gql(FEED, {}, await server.tokenFor(Role.MEMBER))).data!.myAlerts.nodes.map((n: { id: string }) => n.id)).not.toContain(draft.id);
  });

  it('a finding may be kept with a reason, recorded on the alert', async () => {
    const r = await sourceReport();
    const draft = (await server.gql(CREATE, { input: alertInput(r.id, { body: 'He asked to meet at 23:15 every time.' }) }, await CW())).data!.createAlert;
    const code = draft.findings[0].code;
    const ok = await server.gql(SUBMIT, { id: draft.id, overrides: [{ code, reason: 'The time is his pattern over many bookings, not one incident' }] }, await CW());
    expect(ok.data!.submitAlertForReview.overrides).toEqual([{ code, reason: 'The time is his pattern over many bookings, not one incident', byName: 'Casey Worker' }]);
  });

  it('the author may not approve their own alert, even as a manager', async () => {
    const r = await sourceReport();
    const draft = (await server.gql(CREATE, { input: alertInput(r.id, { body: 'A violent client in central Bristol.' }) }, await MANAGER())).data!.createAlert;
    await server.gql(SUBMIT, { id: draft.id }, await MANAGER());
    const res = await server.gql(APPROVE, { id: draft.id }, await MANAGER());
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a manager returns a pending alert to draft; a case worker may not', async () => {
    const r = await sourceReport();
    const draft = (await server.gql(CREATE, { input: alertInput(r.id, { body: 'A violent client, central Bristol.' }) }, await CW())).data!.createAlert;
    await server.gql(SUBMIT, { id: draft.id }, await CW());
    const m = 'mutation ($id: ID!) { returnAlertToDraft(id: $id) { status } }';
    expect(codesOf(await server.gql(m, { id: draft.id }, await CW()))).toEqual(['FORBIDDEN']);
    expect((await server.gql(m, { id: draft.id }, await MANAGER())).data!.returnAlertToDraft.status).toBe('DRAFT');
    expect((await server.gql(m, { id: draft.id }, await MANAGER())).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('police and admins see published alerts, not drafts', async () => {
    const r = await sourceReport();
    const draft = (await server.gql(CREATE, { input: alertInput(r.id, { body: 'Draft only.' }) }, await CW())).data!.createAlert;
    for (const role of [Role.ADMIN, Role.POLICE_PARTNER]) {
      expect(codesOf(await server.gql('query ($id: ID!) { alert(id: $id) { id } }', { id: draft.id }, await server.tokenFor(role)))).toEqual(['NOT_FOUND']);
    }
  });
});

describe('the identifier checker', () => {
  it('finds a number shown on a published alert however it is written, and logs only a keyed hash', async () => {
    const r = await sourceReport({ identifiers: [{ kind: 'PHONE', value: '07700 900 505' }, { kind: 'PHONE', value: '07700 900 606' }] });
    const draft = (await server.gql(CREATE, { input: alertInput(r.id, { body: 'A violent client, central Bristol.', shownIdentifiers: [{ kind: 'PHONE', value: '07700900505' }] }) }, await CW())).data!.createAlert;
    await server.gql(SUBMIT, { id: draft.id }, await CW());
    await server.gql(APPROVE, { id: draft.id }, await MANAGER());
    await server.gql(PUBLISH, { id: draft.id }, await CW());
    const member = await registerMember(server, 'checker@example.org');
    const hit = await server.gql(CHECK, { kind: 'PHONE', value: '+44 7700 900505' }, member.token);
    expect(hit.data!.checkIdentifier).toMatchObject({ value: '+447700900505', alerts: [{ id: draft.id }] });
    const miss = await server.gql(CHECK, { kind: 'PHONE', value: '07700 900 606' }, member.token); // on a report, not shown on any alert
    expect(miss.data!.checkIdentifier.alerts).toEqual([]);
    expect(miss.data!.checkIdentifier.note).toMatch(/does not mean the person is safe/);
    const [row] = await server.orm.em.fork().getConnection().execute('select * from identifier_check where user_id = ? order by at limit 1', [member.userId]);
    expect(JSON.stringify(row)).not.toMatch(/7700|900505/);
    expect(row.value_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers each matched alert exactly as reading it does, newest first, in 3 statements (4 with target areas)', async () => {
    const kent = await forceId(server, 'kent');
    const ids: string[] = [];
    for (const [title, areas] of [['A violent client', [avon]], ['The same client again', [avon, kent]]] as const) {
      const r = await sourceReport({ identifiers: [{ kind: 'PHONE', value: '07700 900 707' }] });
      const input = alertInput(r.id, { title, body: 'A violent client, central Bristol.', targetAreaIds: areas, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), shownIdentifiers: [{ kind: 'PHONE', value: '07700900707' }] });
      const draft = (await server.gql(CREATE, { input }, await CW())).data!.createAlert;
      await server.gql(SUBMIT, { id: draft.id }, await CW());
      await server.gql(APPROVE, { id: draft.id }, await MANAGER());
      expect((await server.gql(PUBLISH, { id: draft.id }, await CW())).data!.publishAlert.status).toBe('PUBLISHED');
      ids.push(draft.id);
    }
    const MEMBER_FIELDS = 'id createdAt updatedAt title body status incidentTypes shownIdentifiers { kind value } onBehalfOf { name } publishedAt expiresAt withdrawnAt withdrawalReason';
    const read = async (id: string) => (await server.gql(`query ($id: ID!) { alert(id: $id) { ${MEMBER_FIELDS} targetAreas { name } } }`, { id }, await CW())).data!.alert;
    const expected = [await read(ids[1]), await read(ids[0])];
    expect(expected[0].targetAreas.map((a: { name: string }) => a.name).sort()).toHaveLength(2);
    const member = await registerMember(server, 'matched@example.org');
    const sent: string[] = [];
    const original = Client.prototype.query;
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      sent.push(String((args[0] as { text?: string })?.text ?? args[0]));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    try {
      // Target areas asked for through a fragment, and left out.
      const withAreas = await server.gql(
        `query ($v: String!) { checkIdentifier(kind: PHONE, value: $v) { alerts { ...A } } } fragment A on Alert { ${MEMBER_FIELDS} targetAreas { name } }`,
        { v: '+44 7700 900707' },
        member.token,
      );
      const withStatements = sent.splice(0);
      const withoutAreas = await server.gql(`query ($v: String!) { checkIdentifier(kind: PHONE, value: $v) { alerts { ${MEMBER_FIELDS} } } }`, { v: '07700900707' }, member.token);
      const withoutStatements = sent.splice(0);
      expect(withAreas.data!.checkIdentifier.alerts).toEqual(expected);
      expect(withoutAreas.data!.checkIdentifier.alerts).toEqual(expected.map(({ targetAreas: _, ...rest }) => rest));
      expect({ with: withStatements.length, without: withoutStatements.length }).toEqual({ with: 4, without: 3 });
    } finally {
      (Client.prototype as { query: unknown }).query = original;
    }
  });

  it(`allows ${CHECKS_PER_DAY} checks a day per account`, async () => {
    const member = await registerMember(server, 'limit@example.org');
    const user = await server.orm.em.fork().findOneOrFail(User, { id: member.userId });
    const em = server.orm.em.fork();
    // The oldest of the day's checks was 23 hours ago: one more is allowed in about an hour.
    for (let i = 0; i < CHECKS_PER_DAY - 1; i++) em.create(IdentifierCheck, { user, kind: 'PHONE' as never, valueHash: 'x'.repeat(64), matches: 0, at: new Date(Date.now() - (i === 0 ? 23 * 3600_000 : 0)) });
    await em.flush();
    expect((await server.gql(CHECK, { kind: 'VEHICLE', value: 'zz99 zzz' }, member.token)).errors).toBeUndefined();
    const limited = await server.gql(CHECK, { kind: 'VEHICLE', value: 'zz99 zzz' }, member.token);
    expect(limited.status).toBe(429);
    expect(limited.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(3500);
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('holds the limit under a burst of parallel checks', async () => {
    const member = await registerMember(server, 'burst@example.org');
    const results = await Promise.all(Array.from({ length: CHECKS_PER_DAY + 8 }, () => server.gql(CHECK, { kind: 'VEHICLE', value: 'zz99 zzz' }, member.token)));
    expect(results.filter((r) => !r.errors).length).toBe(CHECKS_PER_DAY);
    expect(await server.orm.em.fork().count(IdentifierCheck, { user: member.userId })).toBe(CHECKS_PER_DAY);
  });

  it("serialises one account's checks: each waits for the one before it to commit", async () => {
    const member = await registerMember(server, 'serial@example.org');
    const em = server.orm.em.fork();
    const user = await em.findOneOrFail(User, { id: member.userId });
    for (let i = 0; i < CHECKS_PER_DAY - 2; i++) em.create(IdentifierCheck, { user, kind: 'PHONE' as never, valueHash: 'x'.repeat(64), matches: 0, at: new Date() });
    await em.flush();
    // Hold the account's check lock from outside: every check must queue behind it.
    const holder = new Client({ connectionString: server.dbUrl });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtext('identifier-check:' || $1))`, [member.userId]);
      const checks = Array.from({ length: 6 }, () => server.gql(CHECK, { kind: 'VEHICLE', value: 'zz99 zzz' }, member.token));
      const waiting = async () => Number((await holder.query(`select count(*) from pg_locks where locktype = 'advisory' and not granted`)).rows[0].count);
      for (let tries = 0; (await waiting()) < 6; tries++) {
        if (tries > 300) throw new Error('the checks did not wait for the account lock');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await server.orm.em.fork().count(IdentifierCheck, { user: member.userId })).toBe(CHECKS_PER_DAY - 2);
      await holder.query(`select pg_advisory_unlock(hashtext('identifier-check:' || $1))`, [member.userId]);
      const results = await Promise.all(checks);
      expect(results.filter((r) => !r.errors).length).toBe(2);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'TOO_MANY_REQUESTS').length).toBe(4);
      expect(await server.orm.em.fork().count(IdentifierCheck, { user: member.userId })).toBe(CHECKS_PER_DAY);
    } finally {
      await holder.end();
    }
  });

  it('is for members only, and refuses an unreadable value by name', async () => {
    expect(codesOf(await server.gql(CHECK, { kind: 'PHONE', value: '07700900505' }, await CW()))).toEqual(['FORBIDDEN']);
    const bad = await server.gql(CHECK, { kind: 'PHONE', value: 'not a number' }, await server.tokenFor(Role.MEMBER));
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
  });
});

describe('the CAP 1.2 feed', () => {
  async function published(body: string, incidentTypes = ['VIOLENCE']): Promise<string> {
    const r = await sourceReport({ identifiers: [{ kind: 'VEHICLE', value: 'cap 123' }] });
    const draft = (await server.gql(CREATE, { input: alertInput(r.id, { title: 'CAP test alert', body, incidentTypes, shownIdentifiers: [{ kind: 'VEHICLE', value: 'CAP123' }] }) }, await CW())).data!.createAlert;
    await server.gql(SUBMIT, { id: draft.id }, await CW());
    await server.gql(APPROVE, { id: draft.id }, await MANAGER());
    await server.gql(PUBLISH, { id: draft.id }, await CW());
    return draft.id;
  }
  const feed = (token?: string) =>
    fetch(server.url.replace(/\/graphql$/, '/feeds/alerts.cap.xml'), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('is for signed-in partners only', async () => {
    expect((await feed()).status).toBe(401);
    expect((await feed(await server.tokenFor(Role.MEMBER))).status).toBe(403);
    expect((await feed(await server.tokenFor('POLICE_KENT'))).status).toBe(200);
  });

  it('carries each alert as CAP, parsed back field by field; a withdrawal is a Cancel referencing it', async () => {
    const id = await published('A violent client & a <dangerous> driver in central Bristol.');
    const cancelledId = await published('Another warning, later withdrawn.', ['FRAUD']);
    await server.gql('mutation ($id: ID!) { withdrawAlert(id: $id, reason: "Sent in error") { id } }', { id: cancelledId }, await CW());
    const res = await feed(await server.tokenFor('POLICE_KENT'));
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(await res.text());
    const entries = [doc.feed.entry].flat();
    const cap = (alertId: string) => entries.find((e: { id: string }) => e.id === `urn:uuid:${alertId}`).content.alert;

    const a = cap(id);
    expect(a['@_xmlns']).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    expect(a.identifier).toBe(`lantern-alert-${id}`);
    expect(a.sender).toBe('alerts@lantern.invalid');
    expect(a.sent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(a).toMatchObject({ status: 'Actual', msgType: 'Alert', scope: 'Restricted' });
    expect(a.info).toMatchObject({
      language: 'en-GB',
      category: 'Safety',
      urgency: 'Expected',
      severity: 'Severe',
      certainty: 'Likely',
      headline: 'CAP test alert',
      description: 'A violent client & a <dangerous> driver in central Bristol.',
      parameter: { valueName: 'VEHICLE', value: 'CAP123' },
      area: { areaDesc: 'Avon and Somerset Police' },
    });
    expect(a.info.event).toMatch(/violent/i);
    expect(a.info.expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);

    const c = cap(cancelledId);
    expect(c).toMatchObject({ msgType: 'Cancel', identifier: `lantern-alert-${cancelledId}-cancel` });
    expect(c.references).toMatch(new RegExp(`^alerts@lantern\\.invalid,lantern-alert-${cancelledId},\\d{4}-`));
    expect(c.info).toMatchObject({ severity: 'Moderate', urgency: 'Past', description: 'Withdrawn: Sent in error' });
  });
});

describe('helpers for the dashboard', () => {
  it('canApprove is true only for a manager who is not the author, on an alert pending review', async () => {
    const r = await sourceReport();
    const draft = (await server.gql(CREATE, { input: alertInput(r.id, { body: 'A violent client, central Bristol.' }) }, await CW())).data!.createAlert;
    await server.gql(SUBMIT, { id: draft.id }, await CW());
    const q = 'query ($id: ID!) { alert(id: $id) { canApprove } }';
    expect((await server.gql(q, { id: draft.id }, await MANAGER())).data!.alert.canApprove).toBe(true);
    expect((await server.gql(q, { id: draft.id }, await CW())).data!.alert.canApprove).toBe(false);
  });

  it('reports can be filtered by alerts consent (staff), not by police', async () => {
    const q = 'query ($v: Boolean) { reports(filter: { alertsConsent: $v }, perPage: 100) { nodes { consent { alerts } } } }';
    const res = await server.gql(q, { v: false }, await CW());
    expect(res.data!.reports.nodes.every((n: { consent: { alerts: boolean } }) => n.consent.alerts === false)).toBe(true);
    expect((await server.gql(q, { v: true }, await server.tokenFor('POLICE_KENT'))).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'alertsConsent' });
  });
});

describe('corrections', () => {
  it('a correction is reviewed like any alert, then replaces the original for members, in e-mails and in the CAP feed', async () => {
    const r = await sourceReport();
    const original = (await server.gql(CREATE, { input: alertInput(r.id, { title: 'To be corrected', body: 'A violent client, central Bristol.' }) }, await CW())).data!.createAlert;
    await server.gql(SUBMIT, { id: original.id }, await CW());
    await server.gql(APPROVE, { id: original.id }, await MANAGER());
    await server.gql(PUBLISH, { id: original.id }, await CW());

    const draft = await server.gql('mutation ($id: ID!) { createAlertCorrection(id: $id) { id status title corrects { id } } }', { id: original.id }, await CW());
    expect(draft.data!.createAlertCorrection).toMatchObject({ status: 'DRAFT', title: 'To be corrected', corrects: { id: original.id } });
    const id = draft.data!.createAlertCorrection.id;
    await server.gql(UPDATE, { id, input: alertInput(r.id, { title: 'Corrected warning', body: 'A violent client, north Bristol.' }) }, await CW());
    await server.gql(SUBMIT, { id }, await CW());
    // The same two-person rule: publishing before approval is refused.
    expect((await server.gql(PUBLISH, { id }, await CW())).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    await server.gql(APPROVE, { id }, await MANAGER());
    expect((await server.gql(PUBLISH, { id }, await CW())).data!.publishAlert.status).toBe('PUBLISHED');

    const before = await server.gql('query ($id: ID!) { alert(id: $id) { status withdrawalReason } }', { id: original.id }, await CW());
    expect(before.data!.alert).toEqual({ status: 'WITHDRAWN', withdrawalReason: 'Replaced by a correction' });
    const feed = (await server.gql(FEED, {}, await server.tokenFor(Role.MEMBER))).data!.myAlerts.nodes.map((n: { id: string }) => n.id);
    expect(feed).toContain(id);
    expect(feed).not.toContain(original.id);

    const xml = await (await fetch(server.url.replace(/\/graphql$/, '/feeds/alerts.cap.xml'), { headers: { authorization: `Bearer ${await server.tokenFor('POLICE_KENT')}` } })).text();
    const entries = [new XMLParser({ parseTagValue: false }).parse(xml).feed.entry].flat();
    const update = entries.find((e: { id: string }) => e.id === `urn:uuid:${id}`).content.alert;
    expect(update.msgType).toBe('Update');
    expect(update.references).toMatch(new RegExp(`lantern-alert-${original.id},`));
    expect(entries.find((e: { id: string }) => e.id === `urn:uuid:${original.id}`)).toBeUndefined();
  });

  it('only a published alert can be corrected; members may not', async () => {
    const r = await sourceReport();
    const d = (await server.gql(CREATE, { input: alertInput(r.id, { body: 'Draft.' }) }, await CW())).data!.createAlert;
    const res = await server.gql('mutation ($id: ID!) { createAlertCorrection(id: $id) { id } }', { id: d.id }, await CW());
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(codesOf(await server.gql('mutation ($id: ID!) { createAlertCorrection(id: $id) { id } }', { id: d.id }, await server.tokenFor(Role.MEMBER)))).toEqual(['FORBIDDEN']);
  });
});

describe('the staff list order', () => {
  it('puts the latest activity first: a new draft above alerts published before it', async () => {
    const cw = await server.tokenFor(Role.CASE_WORKER);
    const before = (await server.gql('{ alerts(perPage: 100) { nodes { id publishedAt createdAt } } }', {}, cw)).data!.alerts.nodes;
    expect(before.some((a: { publishedAt: string | null }) => a.publishedAt)).toBe(true);
    const report = await createReport(server, { consent: { police: 'NONE', alerts: true } });
    const draft = await server.gql('mutation ($input: AlertInput!) { createAlert(input: $input) { id } }', {
      input: { title: 'Order check', body: 'A client became violent; take care with new bookings.', incidentTypes: ['VIOLENCE'], targetAreaIds: [await forceId(server, 'avon-and-somerset')], sourceReportIds: [report.id], shownIdentifiers: [] },
    }, cw);
    expect(draft.errors).toBeUndefined();
    const after = (await server.gql('{ alerts(perPage: 5) { nodes { id } } }', {}, cw)).data!.alerts.nodes;
    expect(after[0].id).toBe(draft.data!.createAlert.id);
  });
});
