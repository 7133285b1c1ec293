import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { AlertDelivery } from '../src/modules/delivery/alert-delivery.entity';
import { smtpSender, type SendMail } from '../src/modules/delivery/mailer';
import { enqueueAlertEmails } from '../src/modules/delivery/outbox';
import { startDeliveryQueue } from '../src/modules/delivery/queue';
import { drainDeliveries } from '../src/modules/delivery/worker';
import { DeliveryKind } from '../src/modules/delivery/alert-delivery.entity';
import { Role } from '../src/policy/roles';
import { createReport, forceId, registerMember } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

/** A real SMTP server on a loopback port that records what it receives. */
class Inbox {
  received: { to: string; subject: string; messageId: string }[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString()));
        stream.on('end', () => {
          raw = raw.replace(/\r?\n[ \t]+/g, ' '); // unfold long header lines
          const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: header('Subject'), messageId: header('Message-ID') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server!.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  sender(): SendMail {
    return smtpSender(`smtp://127.0.0.1:${this.port}`, 'Lantern alerts <alerts@lantern.test>');
  }
}

let server: TestServer;
const inbox = new Inbox();
let avon: string;

beforeAll(async () => {
  server = await startTestServer();
  await inbox.start();
  avon = await forceId(server, 'avon-and-somerset');
  const kent = await forceId(server, 'kent');
  await registerMember(server, 'avon.one@example.org', { alertAreaIds: [avon], emailAlerts: true, contactEmail: 'safe.one@example.org' });
  await registerMember(server, 'avon.two@example.org', { alertAreaIds: [avon, kent], emailAlerts: true });
  await registerMember(server, 'avon.quiet@example.org', { alertAreaIds: [avon], emailAlerts: false });
  await registerMember(server, 'kent.only.mail@example.org', { alertAreaIds: [kent], emailAlerts: true });
});
afterAll(async () => {
  await server.close();
  await inbox.stop();
});

async function publishAlert(title: string): Promise<string> {
  const cw = await server.tokenFor(Role.CASE_WORKER);
  const r = await createReport(server, { forceAreaId: avon, consent: { police: 'NONE', alerts: true } });
  const created = await server.gql('mutation ($input: AlertInput!) { createAlert(input: $input) { id } }', {
    input: { title, body: 'A violent client in central Bristol.', targetAreaIds: [avon], incidentTypes: ['VIOLENCE'], sourceReportIds: [r.id] },
  }, cw);
  const id = created.data!.createAlert.id;
  await server.gql('mutation ($id: ID!) { submitAlertForReview(id: $id) { id } }', { id }, cw);
  await server.gql('mutation ($id: ID!) { approveAlert(id: $id) { id } }', { id }, await server.tokenFor(Role.MANAGER));
  const res = await server.gql('mutation ($id: ID!) { publishAlert(id: $id) { id } }', { id }, cw);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return id;
}
const deliveriesOf = (alertId: string) => server.orm.em.fork().find(AlertDelivery, { alert: alertId });

describe('alert e-mails', () => {
  it('publication writes one delivery per member who chose e-mail alerts for a target area', async () => {
    const id = await publishAlert('Outbox alert');
    const rows = await deliveriesOf(id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'PENDING' && r.kind === 'PUBLISHED')).toBe(true);
  });

  it('nothing is written when the publishing transaction rolls back', async () => {
    const id = await publishAlert('Rolled back');
    await expect(
      server.orm.em.fork().transactional(async (em) => {
        await enqueueAlertEmails(em, id, DeliveryKind.WITHDRAWN);
        throw new Error('publication failed later');
      }),
    ).rejects.toThrow('publication failed later');
    expect((await deliveriesOf(id)).filter((d) => d.kind === 'WITHDRAWN')).toHaveLength(0);
  });

  it('a worker killed mid-batch and restarted sends every e-mail exactly once, to the chosen address', async () => {
    await server.orm.em.fork().nativeUpdate(AlertDelivery, {}, { status: 'SENT' as never }); // earlier tests' rows are not this test's
    const id = await publishAlert('Exactly once');
    const before = inbox.received.length;
    // The first worker sends one e-mail and dies; another takes over; later rounds find nothing to do.
    expect(await drainDeliveries(server.orm, server.config, inbox.sender(), 1)).toBe(1);
    expect(await drainDeliveries(server.orm, server.config, inbox.sender())).toBe(1);
    expect(await drainDeliveries(server.orm, server.config, inbox.sender())).toBe(0);
    const mine = inbox.received.slice(before);
    expect(mine.map((m) => m.to).sort()).toEqual(['avon.two@example.org', 'safe.one@example.org']);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(2);
    expect(mine[0].subject).toBe('Lantern alert: Exactly once');
    expect((await deliveriesOf(id)).every((d) => d.status === 'SENT')).toBe(true);
  });

  it('with the SMTP server down, the alert is published and the e-mails wait, then go out when it is back', async () => {
    await inbox.stop();
    const id = await publishAlert('SMTP down');
    expect(await drainDeliveries(server.orm, server.config, inbox.sender())).toBe(0);
    const waiting = await deliveriesOf(id);
    expect(waiting.filter((d) => d.attempts === 1 && d.status === 'PENDING' && d.nextAttemptAt > new Date())).toHaveLength(1);
    await inbox.start(inbox.port);
    // The backoff has passed.
    await server.orm.em.fork().nativeUpdate(AlertDelivery, { alert: id }, { nextAttemptAt: new Date(Date.now() - 1000) });
    const before = inbox.received.length;
    expect(await drainDeliveries(server.orm, server.config, inbox.sender())).toBe(2);
    expect(inbox.received.length - before).toBe(2);
  });

  it('a withdrawal is delivered the same way; staff see delivery status, members do not', async () => {
    const id = await publishAlert('To withdraw');
    await drainDeliveries(server.orm, server.config, inbox.sender());
    const q = 'query ($id: ID!) { alert(id: $id) { title deliveries { pending sent failed } } }';
    const asAdmin = await server.gql(q, { id }, await server.tokenFor(Role.ADMIN));
    expect(asAdmin.data!.alert).toEqual({ title: 'To withdraw', deliveries: null });
    expect(codesOf(asAdmin)).toEqual(['FORBIDDEN']);
    await server.gql('mutation ($id: ID!) { withdrawAlert(id: $id, reason: "Wrong person") { id } }', { id }, await server.tokenFor(Role.CASE_WORKER));
    const before = inbox.received.length;
    expect(await drainDeliveries(server.orm, server.config, inbox.sender())).toBe(2);
    expect(inbox.received.slice(before).every((m) => m.subject === 'Lantern: alert withdrawn: To withdraw')).toBe(true);
    expect((await server.gql(q, { id }, await server.tokenFor(Role.MANAGER))).data!.alert.deliveries).toEqual({ pending: 0, sent: 4, failed: 0 });
  });

  it('a correction reaches the same members as a correction, once reviewed and published', async () => {
    const id = await publishAlert('Before correction');
    await drainDeliveries(server.orm, server.config, inbox.sender());
    const cw = await server.tokenFor(Role.CASE_WORKER);
    const draft = await server.gql('mutation ($id: ID!) { createAlertCorrection(id: $id) { id } }', { id }, cw);
    const correction = draft.data!.createAlertCorrection.id;
    await server.gql('mutation ($id: ID!) { submitAlertForReview(id: $id) { id } }', { id: correction }, cw);
    await server.gql('mutation ($id: ID!) { approveAlert(id: $id) { id } }', { id: correction }, await server.tokenFor(Role.MANAGER));
    await server.gql('mutation ($id: ID!) { publishAlert(id: $id) { id } }', { id: correction }, cw);
    const before = inbox.received.length;
    expect(await drainDeliveries(server.orm, server.config, inbox.sender())).toBe(2);
    expect(inbox.received.slice(before).map((m) => m.subject)).toEqual(['Lantern: corrected alert: Before correction', 'Lantern: corrected alert: Before correction']);
    expect((await deliveriesOf(correction)).map((d) => d.kind)).toEqual(['CORRECTED', 'CORRECTED']);
  });

  it('the pg-boss queue sends after the publishing commit, without anyone draining by hand', async () => {
    const queue = await startDeliveryQueue(server.orm, server.config, server.dbUrl, inbox.sender());
    try {
      const before = inbox.received.length;
      await publishAlert('Through the queue');
      const deadline = Date.now() + 30_000;
      while (inbox.received.length - before < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(inbox.received.slice(before).map((m) => m.subject)).toEqual(['Lantern alert: Through the queue', 'Lantern alert: Through the queue']);
    } finally {
      await queue.stop();
    }
  }, 60_000);
});
