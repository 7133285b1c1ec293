import { Client } from 'pg';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * report.police_visible (Migration20261129150000): whether a report's consent lets police read it
 * now, kept by triggers so that the police list walks only those reports. It must follow every
 * consent change in the same transaction, and it must never be settable by hand. The police
 * scope still checks the consent itself, so police never see more than the consent allows even
 * if the flag were wrong (the last test).
 */
let server: TestServer;
let db: Client;
let avon: string;

beforeAll(async () => {
  server = await startTestServer();
  db = new Client({ connectionString: server.dbUrl });
  await db.connect();
  avon = await forceId(server, 'avon-and-somerset');
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

/** Reports whose flag is not what their consent says now (none, when the triggers are right). */
async function wrongFlags(client: Pick<Client, 'query'> = db): Promise<unknown[]> {
  const { rows } = await client.query(
    `select r.id, r.police_visible, c.police from report r join consent c on c.id = r.consent_id
      where r.police_visible is distinct from (c.police in ('ANONYMOUS_INTELLIGENCE', 'FULL'))`,
  );
  return rows;
}

const flag = async (id: string) => (await db.query<{ v: boolean }>('select police_visible as v from report where id = $1', [id])).rows[0].v;

describe('report.police_visible', () => {
  it('is set from the consent when a report is made, at every consent level', async () => {
    for (const police of ['NONE', 'ANONYMOUS_INTELLIGENCE', 'FULL']) {
      const report = await createReport(server, { consent: { police, alerts: false } });
      expect(await flag(report.id)).toBe(police !== 'NONE');
    }
    expect(await wrongFlags()).toEqual([]);
  });

  it('follows every consent change at once, and the police list with it', async () => {
    const cw = await server.tokenFor(Role.CASE_WORKER);
    const officer = await server.tokenFor('POLICE_AVON');
    const report = await createReport(server, { forceAreaId: avon, consent: { police: 'NONE', alerts: false } });
    const listed = async () => {
      const res = await server.gql('{ reports(perPage: 100) { nodes { id } } }', {}, officer);
      expect(res.errors).toBeUndefined();
      return (res.data!.reports.nodes as { id: string }[]).some((n) => n.id === report.id);
    };
    expect(await listed()).toBe(false);
    for (const police of ['ANONYMOUS_INTELLIGENCE', 'FULL', 'NONE', 'FULL', 'ANONYMOUS_INTELLIGENCE', 'NONE']) {
      const res = await server.gql('mutation ($id: ID!, $p: PoliceConsent!) { setReportConsent(reportId: $id, police: $p, alerts: false) { id } }', { id: report.id, p: police }, cw);
      expect(res.errors).toBeUndefined();
      expect(await flag(report.id)).toBe(police !== 'NONE');
      expect(await listed()).toBe(police !== 'NONE');
    }
    expect(await wrongFlags()).toEqual([]);
  });

  it('follows bulk consent changes, a report moved to another consent, and cannot be set by hand', async () => {
    const c = new Client({ connectionString: server.dbUrl });
    await c.connect();
    try {
      await c.query('begin');
      await c.query(`update consent set police = 'FULL'`);
      expect(await wrongFlags(c)).toEqual([]);
      await c.query(`update consent set police = case when random() < 0.5 then 'NONE' else 'ANONYMOUS_INTELLIGENCE' end::police_consent`);
      expect(await wrongFlags(c)).toEqual([]);
      await c.query(`update consent set alerts = not alerts, updated_at = now()`);
      expect(await wrongFlags(c)).toEqual([]);
      // By hand: recomputed from the consent, whatever was asked.
      await c.query('update report set police_visible = not police_visible');
      expect(await wrongFlags(c)).toEqual([]);
      // A report moved to another consent (a new one: each report has its own). Its own consent is
      // made NONE first, so that the move is what turns the flag on (not left to the random mix above).
      const { rows: [moved] } = await c.query<{ id: string; consent_id: string }>(`select r.id, r.consent_id from report r order by r.id limit 1`);
      await c.query(`update consent set police = 'NONE' where id = $1`, [moved.consent_id]);
      expect((await c.query('select police_visible as v from report where id = $1', [moved.id])).rows[0].v).toBe(false);
      const { rows: [fresh] } = await c.query<{ id: string }>(
        `insert into consent (id, created_at, updated_at, police, method, recorded_at)
         values (gen_random_uuid(), now(), now(), 'FULL', 'PHONE', now()) returning id`,
      );
      await c.query('update report set consent_id = $2 where id = $1', [moved.id, fresh.id]);
      expect((await c.query('select police_visible as v from report where id = $1', [moved.id])).rows[0].v).toBe(true);
      expect(await wrongFlags(c)).toEqual([]);
      await c.query('rollback');
    } finally {
      await c.end();
    }
    expect(await wrongFlags()).toEqual([]);
  });

  it('only narrows the walk: a report flagged by mistake stays hidden while its consent says NONE', async () => {
    const officer = await server.tokenFor('POLICE_AVON');
    const report = await createReport(server, { forceAreaId: avon, consent: { police: 'NONE', alerts: false } });
    // Force the flag past its trigger, as a bug might.
    await db.query('alter table report disable trigger report_police_visible');
    try {
      await db.query('update report set police_visible = true where id = $1', [report.id]);
      const list = await server.gql('{ reports(perPage: 100) { totalCount nodes { id } } }', {}, officer);
      expect(list.errors).toBeUndefined();
      expect((list.data!.reports.nodes as { id: string }[]).map((n) => n.id)).not.toContain(report.id);
      const one = await server.gql('query ($id: ID!) { report(id: $id) { id } }', { id: report.id }, officer);
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await db.query('update report set police_visible = false where id = $1', [report.id]);
      await db.query('alter table report enable trigger report_police_visible');
    }
    expect(await wrongFlags()).toEqual([]);
  });
});
