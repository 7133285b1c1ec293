import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { CaseFile, CaseNote, PoliceContact, SupportAction } from '../../modules/case/case.entity';
import { CaseStatus, SupportKind, SupportStatus } from '../../modules/case/case.enums';
import { Consent, ConsentEvent } from '../../modules/consent/consent.entity';
import { CONSENT_METHOD_BY_CHANNEL, ConsentMethod, PoliceConsent } from '../../modules/consent/consent.enums';
import { Force } from '../../modules/force/force.entity';
import { IdentifierKind } from '../../modules/identifier/identifier.kind';
import { normaliseIdentifier } from '../../modules/identifier/identifier.normalise';
import { Member } from '../../modules/member/member.entity';
import { Report, ReportIdentifier } from '../../modules/report/report.entity';
import { Channel, IncidentType, ReportStatus, SERIOUS_VIOLENCE } from '../../modules/report/report.enums';
import { User } from '../../modules/user/user.entity';
import { Role } from '../../policy/roles';

/**
 * Demo reports, consents, consent history, identifiers (with repeat perpetrators), cases, case
 * notes, support actions and police contacts (DESIGN.md, "Demo data"). Runs once, after
 * DemoSeeder, on a database without reports. Everything is generated from a seeded PRNG, so every
 * run makes the same data (relative to the moment it runs). All text is invented and redacted in
 * style: no real people, addresses or numbers (phones are in Ofcom's drama range).
 *
 * Rows are inserted in bulk (em.insertMany, one statement per few hundred rows, one transaction).
 */
export class DemoReportsSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    if ((await em.count(Report, {})) > 0) return;
    const caseWorker = await em.findOne(User, { email: DEMO_CASE_WORKER_EMAIL });
    const member = await em.findOne(Member, { user: { email: DEMO_MEMBER_EMAIL } });
    if (!caseWorker || !member?.user) throw new Error('DemoReportsSeeder needs the demo accounts: run DemoSeeder first');
    const forces = await em.find(Force, {}, { orderBy: { code: 'ASC' } });

    const data = buildDemoReports({
      now: new Date(),
      forces: forces.map((f) => ({ id: f.id, code: f.code, name: f.name })),
      caseWorkerId: caseWorker.id,
      memberId: member.id,
      memberUserId: member.user.id,
    });

    await em.transactional(async (tx) => {
      await insertChunked(tx, Consent, data.consents);
      await insertChunked(tx, Report, data.reports);
      await insertChunked(tx, ReportIdentifier, data.identifiers);
      await insertChunked(tx, ConsentEvent, data.consentEvents);
      await insertChunked(tx, CaseFile, data.cases);
      await insertChunked(tx, CaseNote, data.caseNotes);
      await insertChunked(tx, SupportAction, data.supportActions);
      await insertChunked(tx, PoliceContact, data.policeContacts);
      for (const [year, last] of data.sequences) {
        await tx.getConnection().execute(
          `insert into report_sequence (year, last) values (?, ?)
           on conflict (year) do update set last = greatest(report_sequence.last, excluded.last)`,
          [year, last],
          'run',
          tx.getTransactionContext(),
        );
      }
    });
  }
}

export const DEMO_CASE_WORKER_EMAIL = 'caseworker@example.org';
export const DEMO_MEMBER_EMAIL = 'member@example.org';
/** How many reports the demo has in all (the member's own three included). */
export const DEMO_REPORT_COUNT = 2000;

const CHUNK = 400;

async function insertChunked<T extends object>(em: EntityManager, entity: new (...args: never[]) => T, rows: RequiredEntityData<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await em.insertMany(entity, rows.slice(i, i + CHUNK));
}

// ---------------------------------------------------------------------------------------------
// Generation (pure: no database)
// ---------------------------------------------------------------------------------------------

export interface DemoInput {
  now: Date;
  forces: { id: string; code: string; name: string }[];
  caseWorkerId: string;
  memberId: string;
  memberUserId: string;
}

export interface DemoData {
  consents: RequiredEntityData<Consent>[];
  reports: RequiredEntityData<Report>[];
  identifiers: RequiredEntityData<ReportIdentifier>[];
  consentEvents: RequiredEntityData<ConsentEvent>[];
  cases: RequiredEntityData<CaseFile>[];
  caseNotes: RequiredEntityData<CaseNote>[];
  supportActions: RequiredEntityData<SupportAction>[];
  policeContacts: RequiredEntityData<PoliceContact>[];
  /** Per year (UTC, as nextReference does), the last reference number used. */
  sequences: Map<number, number>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  /** `count` distinct items. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    this.shuffle(copy);
    return copy.slice(0, Math.min(count, copy.length));
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** A version-4-shaped UUID from the PRNG (so the ids are the same on every run). */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 16; i++) {
      let byte = Math.floor(this.next() * 256);
      if (i === 6) byte = (byte & 0x0f) | 0x40;
      if (i === 8) byte = (byte & 0x3f) | 0x80;
      hex.push(byte.toString(16).padStart(2, '0'));
    }
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** Relative report volume per force: big urban forces most, every force some. */
const FORCE_WEIGHTS: Record<string, number> = {
  metropolitan: 16,
  'greater-manchester': 9,
  'west-midlands': 8,
  'west-yorkshire': 7,
  'avon-and-somerset': 7,
  kent: 5,
  'thames-valley': 5,
  merseyside: 5,
  'police-scotland': 5,
  northumbria: 4,
  'south-yorkshire': 4,
  hampshire: 4,
  essex: 4,
  nottinghamshire: 4,
  lancashire: 4,
  sussex: 3,
  'south-wales': 3,
  leicestershire: 3,
  'devon-and-cornwall': 3,
  'british-transport': 2,
  cleveland: 2,
  derbyshire: 2,
  cheshire: 2,
  hertfordshire: 2,
  surrey: 2,
  bedfordshire: 2,
  cambridgeshire: 2,
  staffordshire: 2,
  'west-mercia': 2,
  psni: 2,
  humberside: 2,
  norfolk: 1.5,
  northamptonshire: 1.5,
  gwent: 1.5,
  dorset: 1.5,
  gloucestershire: 1.5,
  wiltshire: 1.5,
  'city-of-london': 1,
  'dyfed-powys': 0.7,
  cumbria: 0.7,
};
const DEFAULT_FORCE_WEIGHT = 1;

const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  [Channel.WEB, 45],
  [Channel.PHONE, 22],
  [Channel.EMAIL, 14],
  [Channel.OUTREACH, 11],
  [Channel.THIRD_PARTY, 8],
];


/** The published figure: about 42% of reports are violence, rape or sexual assault. */
const SERIOUS_SHARE = 0.42;
const SERIOUS_WEIGHTS: readonly (readonly [IncidentType, number])[] = [
  [IncidentType.VIOLENCE, 50],
  [IncidentType.SEXUAL_ASSAULT, 28],
  [IncidentType.RAPE, 22],
];
const OTHER_WEIGHTS: readonly (readonly [IncidentType, number])[] = [
  [IncidentType.FRAUD, 24],
  [IncidentType.THREATS, 20],
  [IncidentType.HARASSMENT, 18],
  [IncidentType.ROBBERY, 14],
  [IncidentType.STALKING, 8],
  [IncidentType.OUTING, 8],
  [IncidentType.OTHER, 8],
];
/** Types that often come along with a serious one. */
const COMPANION_WEIGHTS: readonly (readonly [IncidentType, number])[] = [
  [IncidentType.THREATS, 30],
  [IncidentType.ROBBERY, 20],
  [IncidentType.FRAUD, 20],
  [IncidentType.VIOLENCE, 15],
  [IncidentType.HARASSMENT, 10],
  [IncidentType.SEXUAL_ASSAULT, 5],
];

/** Repeat perpetrators: one phone each (some a vehicle too), seen in a home force and its neighbours. */
const REPEATERS: readonly { home: string; near: string[]; reports: number; vehicle: boolean }[] = [
  { home: 'metropolitan', near: ['city-of-london', 'british-transport', 'essex', 'hertfordshire', 'surrey'], reports: 7, vehicle: true },
  { home: 'greater-manchester', near: ['cheshire', 'lancashire', 'merseyside', 'west-yorkshire'], reports: 6, vehicle: false },
  { home: 'west-midlands', near: ['staffordshire', 'warwickshire', 'west-mercia'], reports: 5, vehicle: true },
  { home: 'west-yorkshire', near: ['south-yorkshire', 'north-yorkshire', 'greater-manchester'], reports: 4, vehicle: false },
  { home: 'avon-and-somerset', near: ['gloucestershire', 'wiltshire', 'devon-and-cornwall', 'gwent'], reports: 5, vehicle: true },
  { home: 'kent', near: ['essex', 'sussex', 'metropolitan'], reports: 4, vehicle: false },
  { home: 'thames-valley', near: ['hampshire', 'hertfordshire', 'bedfordshire', 'surrey'], reports: 3, vehicle: true },
  { home: 'merseyside', near: ['cheshire', 'lancashire', 'greater-manchester', 'north-wales'], reports: 8, vehicle: false },
];

// --- Word lists (invented, redacted in style) ----------------------------------------------------

const OPENINGS = [
  'The booking was made as an outcall through an advertising site.',
  'Contact was first made by text from a number the reporter had not seen before.',
  'The client had booked twice before without any problems.',
  'The reporter met him on the beat late in the evening.',
  'An incall was arranged at a shared working flat.',
  'The booking came through a messaging app and was confirmed the same day.',
  'He said he had been recommended by another client.',
  'He approached the reporter near the usual working area and agreed a price.',
  'The booking was arranged by phone for an overnight outcall.',
  'He contacted the reporter through a webcam platform and later asked to meet.',
];
const EVENTS: Record<IncidentType, string[]> = {
  VIOLENCE: [
    'Partway through the booking he became aggressive and hit the reporter several times.',
    'He grabbed the reporter by the arm and pushed them against a wall when they asked him to leave.',
    'He punched the reporter after an argument about the agreed time.',
    'He held the reporter down and slapped them when they tried to end the booking.',
  ],
  RAPE: [
    'He removed the condom without consent and carried on after being told to stop.',
    'The reporter was raped after clearly withdrawing consent.',
    'He ignored the agreed boundaries and forced sex the reporter had refused.',
  ],
  SEXUAL_ASSAULT: [
    'He touched the reporter sexually after they had refused and would not stop when asked.',
    'He pushed for services that had been ruled out and assaulted the reporter when they said no.',
    'He sexually assaulted the reporter while they were collecting their things to leave.',
  ],
  ROBBERY: [
    'He took the money back by force before leaving.',
    "A phone and the night's earnings were taken from the room.",
    'He snatched the reporter\'s bag on the way out.',
  ],
  THREATS: [
    'He threatened to come back with friends.',
    'He sent messages afterwards threatening violence.',
    'He said he knew where the reporter lived and would "sort them out".',
  ],
  HARASSMENT: [
    'He kept calling and messaging from several numbers after being blocked.',
    'He has left abusive reviews and messages over several weeks.',
    'He turned up uninvited at the working flat more than once.',
  ],
  STALKING: [
    "He has been seen waiting near the reporter's building on several evenings.",
    'He appears to be following the reporter between work and home.',
    'He keeps finding new accounts after being blocked and comments on everything posted.',
  ],
  OUTING: [
    "He threatened to send photos to the reporter's family unless they saw him for free.",
    'He posted the reporter\'s personal details and work adverts together online.',
    'He contacted the reporter\'s other employer to "tell them what they do".',
  ],
  FRAUD: [
    'He refused to pay at the end and left.',
    'He sent a fake bank transfer screenshot as "payment".',
    'He paid with counterfeit notes that were only noticed later.',
    'He booked and cancelled repeatedly, asking for deposits to be returned to a different account.',
  ],
  OTHER: [
    'He behaved in a way that left the reporter feeling unsafe.',
    'He tried to film the reporter without asking.',
    'He became erratic after taking something during the booking.',
  ],
};
const AFTERMATHS = [
  'The reporter left as soon as they could and called a friend.',
  'No injuries needing hospital treatment.',
  'Minor bruising, photographed at the time.',
  'The reporter wants other workers in the area warned.',
  'The reporter does not want to go to the police at this stage.',
  'A friend was on a safety call for part of the booking.',
  'The reporter is shaken but safe and has stopped working from that address for now.',
  'The reporter has kept the messages.',
  'Another worker at the flat heard raised voices and came to help.',
  'The reporter would like support and a call back.',
];
const LOCATIONS = [
  'hotel near the station',
  "client's flat, north of city centre",
  'budget hotel off the ring road',
  'shared incall flat, town centre',
  'car park behind a retail park',
  'on the beat near the industrial estate',
  'private house on the outskirts of town',
  'serviced apartment near the shopping centre',
  "in the client's car, lay-by outside town",
  'parlour premises, east side of the city',
  'online only (messages and calls)',
  'hotel near the motorway junction',
  'terraced house, south of the centre',
  'student area, rented room',
];
const AGES = ['in his 20s', 'in his 30s', 'in his 40s', 'in his 50s', 'about 60', 'late 30s to 40s'];
const BUILDS = ['slim build', 'medium build', 'heavy build', 'tall and thin', 'short and stocky', 'athletic build'];
const HAIRS = ['shaved head', 'short dark hair', 'grey hair', 'balding', 'fair hair', 'curly hair', 'dark beard', 'stubble'];
const MANNERS = [
  'local accent',
  'well spoken',
  'smelled strongly of aftershave',
  'wore work clothes',
  'wore a gold chain',
  'a tattoo on the forearm',
  'glasses',
  'said he worked away a lot',
  'nervous at first, then aggressive',
  'claimed to be a regular elsewhere',
];
const VEHICLES = ['drove a dark saloon', 'drove a white van', 'drove a silver estate', 'drove a black hatchback', 'arrived by taxi'];
const EMAIL_WORDS = ['quiet', 'night', 'city', 'blue', 'north', 'gent', 'fox', 'traveller', 'owl', 'rover', 'king', 'lucky'];
const HANDLE_WORDS = ['velvet', 'hunter', 'gent', 'discreet', 'night', 'owl', 'bizman', 'rover', 'silver', 'fox', 'wolf', 'jay'];
const REG_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';
const REG_AGES = ['12', '14', '15', '16', '17', '18', '19', '62', '63', '64', '65', '66', '67', '68', '69', '70', '71', '72', '21', '22', '23'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INCIDENT_WORDS: Record<IncidentType, string> = {
  VIOLENCE: 'physical assault',
  RAPE: 'rape',
  SEXUAL_ASSAULT: 'sexual assault',
  ROBBERY: 'robbery/theft',
  THREATS: 'threats',
  HARASSMENT: 'harassment',
  STALKING: 'stalking',
  OUTING: 'threat to out/doxx',
  FRAUD: 'non-payment/fraud',
  OTHER: 'concerning behaviour',
};
const NOTES_FIRST = [
  'Case opened after triage. First call with the reporter; safety plan talked through.',
  'Case opened. Left a voicemail using the agreed safe wording; no answer yet.',
  'Case opened. Reporter prefers contact by text in the afternoons.',
  'Case opened after outreach visit. Reporter wants help with support options.',
];
const NOTES_MIDDLE = [
  'Reporter confirmed they are safe and staying with a friend for now.',
  'Checked linked reports: the identifier matches earlier reports in the area.',
  'Reporter asked for an update on the alert; explained where it is up to.',
  'Case reviewed in team meeting; keep open for another two weeks.',
  'Tried to reach the reporter twice, no answer. Will try again next week.',
  'Talked through reporting options; reporter wants time to think.',
  'Reporter attended the clinic appointment and says it went well.',
  'Reporter has changed their working number and moved their adverts.',
];
const NOTES_CLOSING = [
  'Closing: reporter says they have what they need. Door left open.',
  'Closing after three attempts to make contact. Reporter can come back to us at any time.',
  'Closing: support completed and reporter feels safer.',
];
const OUTCOMES = [
  'Support completed; reporter safe.',
  'Reporter chose not to continue; door left open.',
  'Alert issued; no further action requested.',
  'Referred on to the local specialist service.',
  'Intelligence passed to police with consent.',
  'Lost contact after three attempts.',
  'Reporter supported through a police statement; case with police.',
];
const SUPPORT: readonly (readonly [SupportKind, (string | null)[]])[] = [
  [SupportKind.ISVA_REFERRAL, ['Local ISVA service']],
  [SupportKind.HEALTH, ['Sexual health clinic', 'GP surgery', 'Sexual assault referral centre']],
  [SupportKind.SAFETY_PLANNING, [null]],
  [SupportKind.EMOTIONAL_SUPPORT, ['Rape crisis centre', 'Counselling service', null]],
  [SupportKind.HOUSING, ['Council housing options team']],
  [SupportKind.LEGAL, ['Specialist legal advice line']],
  [SupportKind.REFERRAL, ['Local sex work project', 'Victim support service', 'Drug and alcohol service']],
  [SupportKind.OTHER, [null]],
];
const SUPPORT_NOTES = [
  'Referral made with the reporter\'s agreement.',
  'Reporter asked us to make the first call.',
  'Appointment booked.',
  'Information sent by text.',
  null,
];
const POLICE_SUMMARIES = [
  'Anonymous intelligence passed to the force sex work liaison officer.',
  'Arranged for the reporter to give a statement with the case worker present.',
  'Officer updated us: suspect identified, enquiries ongoing.',
  'Crime recorded; reference given to the reporter through us.',
  'Asked the officer to contact the reporter only through the case worker.',
];
const OFFICER_UNITS = ['Public Protection Unit', 'Sexual Offences Liaison', 'CID', 'Neighbourhood Team', 'Safeguarding Hub'];

// ---------------------------------------------------------------------------------------------

interface Draft {
  receivedAt: Date;
  channel: Channel;
  force: { id: string; code: string; name: string };
  types: IncidentType[];
  perpetrator: string | null;
  identifiers: { kind: IdentifierKind; raw: string }[];
  sky?: { police: PoliceConsent; alerts: boolean; caseStatus?: CaseStatus };
}

/** Builds every row of the demo data set, deterministically (given `now`). */
export function buildDemoReports(input: DemoInput): DemoData {
  const rng = new Rng(mulberry32(0x1a47e2));
  const ids = new Rng(mulberry32(0x5eed1d));
  const now = input.now.getTime();
  const start = now - 3 * YEAR;
  const byCode = new Map(input.forces.map((f) => [f.code, f]));
  const forceWeights = input.forces.map((f) => [f, FORCE_WEIGHTS[f.code] ?? DEFAULT_FORCE_WEIGHT] as const);

  // Ofcom's drama range: 07700 900000-900999, each handed out once so only intended links appear.
  const phonePool = rng.shuffle(Array.from({ length: 1000 }, (_, i) => `07700 900${String(i).padStart(3, '0')}`));
  let emailCount = 0;
  const takePhone = () => phonePool.pop() ?? null;
  const makeEmail = () => `${rng.pick(EMAIL_WORDS)}.${rng.pick(EMAIL_WORDS)}${++emailCount}@example.com`;
  const makeHandle = () => `@${rng.pick(HANDLE_WORDS)}_${rng.pick(HANDLE_WORDS)}${rng.int(1, 999)}`;
  const makeReg = () =>
    `${rng.pick([...REG_LETTERS])}${rng.pick([...REG_LETTERS])}${rng.pick(REG_AGES)} ${rng.pick([...REG_LETTERS])}${rng.pick([...REG_LETTERS])}${rng.pick([...REG_LETTERS])}`;
  const describe = () => {
    const parts = [`Man ${rng.pick(AGES)}`, rng.pick(BUILDS), rng.pick(HAIRS), rng.pick(MANNERS)];
    if (rng.chance(0.3)) parts.push(rng.pick(VEHICLES));
    return parts.join(', ') + '.';
  };
  const incidentTypes = (): IncidentType[] => {
    const types = new Set<IncidentType>();
    if (rng.chance(SERIOUS_SHARE)) {
      types.add(rng.weighted(SERIOUS_WEIGHTS));
      const extra = rng.weighted([[0, 45], [1, 40], [2, 15]] as const);
      for (let i = 0; i < extra; i++) types.add(rng.weighted(COMPANION_WEIGHTS));
    } else {
      const count = rng.weighted([[1, 55], [2, 35], [3, 10]] as const);
      while (types.size < count) types.add(rng.weighted(OTHER_WEIGHTS));
    }
    return [...types];
  };
  // More recent years have more reports (the service grew): density rises towards now.
  const receivedAt = () => new Date(Math.min(now - 60_000, start + 3 * YEAR * Math.pow(rng.next(), 0.8)));

  const drafts: Draft[] = [];

  // Repeat perpetrators first (their phones come off the top of the pool).
  for (const repeater of REPEATERS) {
    const home = byCode.get(repeater.home);
    if (!home) continue;
    const near = repeater.near.map((c) => byCode.get(c)).filter((f): f is NonNullable<typeof f> => !!f);
    const phone = takePhone()!;
    const reg = repeater.vehicle ? makeReg() : null;
    const description = describe();
    const handle = rng.chance(0.4) ? makeHandle() : null;
    const windowStart = start + rng.between(0, 2.4 * YEAR);
    for (let i = 0; i < repeater.reports; i++) {
      const identifiers: Draft['identifiers'] = [{ kind: IdentifierKind.PHONE, raw: rng.chance(0.5) ? phone : phone.replace(/^0/, '+44 ') }];
      if (reg && rng.chance(0.6)) identifiers.push({ kind: IdentifierKind.VEHICLE, raw: rng.chance(0.5) ? reg : reg.replace(' ', '').toLowerCase() });
      if (handle && rng.chance(0.5)) identifiers.push({ kind: IdentifierKind.HANDLE, raw: handle });
      drafts.push({
        receivedAt: new Date(Math.min(now - 60_000, windowStart + rng.between(0, 0.6 * YEAR))),
        channel: rng.weighted(CHANNEL_WEIGHTS),
        force: near.length && rng.chance(0.4) ? rng.pick(near) : home,
        types: incidentTypes(),
        perpetrator: rng.chance(0.85) ? description : null,
        identifiers,
      });
    }
  }

  // The demo member's own reports (Avon and Somerset, through the web).
  const avon = byCode.get('avon-and-somerset') ?? input.forces[0];
  const skyReports: { daysAgo: number; sky: NonNullable<Draft['sky']> }[] = [
    { daysAgo: 212, sky: { police: PoliceConsent.ANONYMOUS_INTELLIGENCE, alerts: true } },
    { daysAgo: 64, sky: { police: PoliceConsent.FULL, alerts: true, caseStatus: CaseStatus.ACTIVE } },
    { daysAgo: 6, sky: { police: PoliceConsent.NONE, alerts: true } },
  ];
  for (const { daysAgo, sky } of skyReports) {
    drafts.push({
      receivedAt: new Date(now - daysAgo * DAY - rng.between(1, 10) * HOUR),
      channel: Channel.WEB,
      force: avon,
      types: incidentTypes(),
      perpetrator: describe(),
      identifiers: rng.chance(0.7) ? [{ kind: IdentifierKind.HANDLE, raw: makeHandle() }] : [],
      sky,
    });
  }

  // Everyone else.
  while (drafts.length < DEMO_REPORT_COUNT) {
    const identifiers: Draft['identifiers'] = [];
    const count = rng.weighted([[0, 35], [1, 45], [2, 20]] as const);
    for (let i = 0; i < count; i++) {
      const kind = rng.weighted([[IdentifierKind.PHONE, 45], [IdentifierKind.EMAIL, 18], [IdentifierKind.VEHICLE, 17], [IdentifierKind.HANDLE, 20]] as const);
      if (identifiers.some((x) => x.kind === kind)) continue;
      const raw = kind === IdentifierKind.PHONE ? takePhone() : kind === IdentifierKind.EMAIL ? makeEmail() : kind === IdentifierKind.VEHICLE ? makeReg() : makeHandle();
      if (raw) identifiers.push({ kind, raw });
    }
    drafts.push({
      receivedAt: receivedAt(),
      channel: rng.weighted(CHANNEL_WEIGHTS),
      force: rng.weighted(forceWeights),
      types: incidentTypes(),
      perpetrator: rng.chance(0.8) ? describe() : null,
      identifiers,
    });
  }

  // References follow the order reports arrived in, per year, without gaps.
  drafts.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const sequences = new Map<number, number>();
  const out: DemoData = {
    consents: [],
    reports: [],
    identifiers: [],
    consentEvents: [],
    cases: [],
    caseNotes: [],
    supportActions: [],
    policeContacts: [],
    sequences,
  };
  const clampNow = (t: number) => new Date(Math.min(t, now - 60_000));

  for (const d of drafts) {
    const received = d.receivedAt.getTime();
    const year = d.receivedAt.getUTCFullYear();
    const seq = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, seq);
    const reportId = ids.uuid();
    const consentId = ids.uuid();
    const isSky = !!d.sky;
    const creator = isSky ? input.memberUserId : input.caseWorkerId;
    const actorRole = isSky ? Role.MEMBER : Role.CASE_WORKER;
    const method = isSky ? ConsentMethod.SELF_SERVICE : CONSENT_METHOD_BY_CHANNEL[d.channel];

    // Consent as given with the report, and (for a few) a later withdrawal of police consent.
    const initialPolice = d.sky?.police ?? rng.weighted([[PoliceConsent.FULL, 6.5], [PoliceConsent.ANONYMOUS_INTELLIGENCE, 77], [PoliceConsent.NONE, 16.5]] as const);
    const alerts = d.sky?.alerts ?? rng.chance(0.82);
    const statistics = isSky ? true : rng.chance(0.97);
    const withdrawn = !isSky && initialPolice !== PoliceConsent.NONE && rng.chance(0.036);
    const withdrawnAt = withdrawn ? clampNow(received + rng.between(2, 200) * DAY) : null;
    const police = withdrawn ? PoliceConsent.NONE : initialPolice;

    // Incident day: 0-30 days before it was reported (UTC date, never after today in London).
    const incidentDate = isoDate(received - Math.floor(31 * Math.pow(rng.next(), 2)) * DAY);
    const types = d.types;
    const ageDays = (now - received) / DAY;

    // Case work: more often for violence, rape and sexual assault.
    const serious = types.some((t) => SERIOUS_VIOLENCE.includes(t));
    const hasCase = d.sky ? !!d.sky.caseStatus : rng.chance(serious ? 0.45 : 0.2);
    let caseStatus: CaseStatus | null = null;
    if (hasCase) caseStatus = d.sky?.caseStatus ?? pickCaseStatus(rng, ageDays, police);
    const status = caseStatus === CaseStatus.CLOSED ? ReportStatus.CLOSED : caseStatus ? ReportStatus.TRIAGED : ageDays < 10 ? ReportStatus.NEW : ReportStatus.TRIAGED;

    out.consents.push({
      id: consentId,
      createdAt: d.receivedAt,
      updatedAt: withdrawnAt ?? d.receivedAt,
      police,
      alerts,
      statistics,
      method: withdrawn ? ConsentMethod.PHONE : method,
      recordedBy: withdrawnAt ? input.caseWorkerId : creator,
      recordedAt: withdrawnAt ?? d.receivedAt,
      withdrawnAt,
    });
    out.reports.push({
      id: reportId,
      createdAt: d.receivedAt,
      updatedAt: d.receivedAt,
      reference: `LN-${year}-${String(seq).padStart(6, '0')}`,
      receivedAt: d.receivedAt,
      channel: d.channel,
      incidentDate,
      forceArea: d.force.id,
      incidentTypes: types,
      location: rng.chance(0.9) ? rng.pick(LOCATIONS) : null,
      narrative: narrative(rng, types),
      policeSummary: initialPolice !== PoliceConsent.NONE ? policeSummary(rng, types, d, incidentDate, initialPolice) : null,
      perpetratorDescription: d.perpetrator,
      status,
      member: isSky ? input.memberId : null,
      createdBy: creator,
      consent: consentId,
    });
    const seen = new Set<string>();
    for (const i of d.identifiers) {
      const value = normaliseIdentifier(i.kind, i.raw);
      if (seen.has(`${i.kind}|${value}`)) continue;
      seen.add(`${i.kind}|${value}`);
      out.identifiers.push({ id: ids.uuid(), createdAt: d.receivedAt, updatedAt: d.receivedAt, report: reportId, kind: i.kind, value });
    }
    out.consentEvents.push({
      id: ids.uuid(),
      createdAt: d.receivedAt,
      updatedAt: d.receivedAt,
      report: reportId,
      at: d.receivedAt,
      actor: creator,
      actorRole,
      method,
      previousPolice: null,
      previousAlerts: null,
      previousStatistics: null,
      police: initialPolice,
      alerts,
      statistics,
      note: 'Consent recorded with the report',
    });
    if (withdrawnAt) {
      out.consentEvents.push({
        id: ids.uuid(),
        createdAt: withdrawnAt,
        updatedAt: withdrawnAt,
        report: reportId,
        at: withdrawnAt,
        actor: input.caseWorkerId,
        actorRole: Role.CASE_WORKER,
        method: ConsentMethod.PHONE,
        previousPolice: initialPolice,
        previousAlerts: alerts,
        previousStatistics: statistics,
        police: PoliceConsent.NONE,
        alerts,
        statistics,
        note: 'Reporter asked that nothing more goes to the police',
      });
    }

    if (caseStatus) {
      const caseId = ids.uuid();
      const openedAt = clampNow(received + rng.between(0.2, 48) * HOUR);
      const opened = openedAt.getTime();
      const closedAt = caseStatus === CaseStatus.CLOSED ? new Date(opened + Math.min(rng.between(5, 120) * DAY, (now - opened) * rng.between(0.5, 0.95))) : null;
      const end = closedAt?.getTime() ?? now - 60_000;
      const when = () => new Date(opened + rng.next() * (end - opened));
      out.cases.push({
        id: caseId,
        createdAt: openedAt,
        updatedAt: closedAt ?? openedAt,
        report: reportId,
        assignee: caseStatus === CaseStatus.OPEN && !isSky && rng.chance(0.4) ? null : input.caseWorkerId,
        status: caseStatus,
        outcome: closedAt ? rng.pick(OUTCOMES) : null,
        openedAt,
        closedAt,
      });
      const noteCount = rng.int(1, 4);
      const noteTimes = [openedAt, ...Array.from({ length: noteCount - 1 }, when)].sort((a, b) => a.getTime() - b.getTime());
      noteTimes.forEach((at, i) => {
        const body = i === 0 ? rng.pick(NOTES_FIRST) : closedAt && i === noteCount - 1 ? rng.pick(NOTES_CLOSING) : rng.pick(NOTES_MIDDLE);
        out.caseNotes.push({ id: ids.uuid(), createdAt: at, updatedAt: at, caseFile: caseId, author: input.caseWorkerId, body });
      });
      if (isSky || rng.chance(0.55)) {
        const kinds = rng.sample(SUPPORT, rng.int(1, 2));
        for (const [kind, agencies] of kinds) {
          const at = when();
          const supportStatus = closedAt
            ? rng.weighted([[SupportStatus.DONE, 70], [SupportStatus.DECLINED, 30]] as const)
            : rng.weighted([[SupportStatus.PLANNED, 35], [SupportStatus.IN_PROGRESS, 40], [SupportStatus.DONE, 20], [SupportStatus.DECLINED, 5]] as const);
          out.supportActions.push({
            id: ids.uuid(),
            createdAt: at,
            updatedAt: at,
            caseFile: caseId,
            kind,
            agency: rng.pick(agencies),
            status: supportStatus,
            note: rng.pick(SUPPORT_NOTES),
            createdBy: input.caseWorkerId,
          });
        }
      }
      const contacts =
        caseStatus === CaseStatus.POLICE_LIAISON ? rng.int(1, 2) : caseStatus === CaseStatus.CLOSED && initialPolice === PoliceConsent.FULL && rng.chance(0.5) ? 1 : 0;
      for (let i = 0; i < contacts; i++) {
        const at = when();
        out.policeContacts.push({
          id: ids.uuid(),
          createdAt: at,
          updatedAt: at,
          caseFile: caseId,
          contactDate: isoDate(at.getTime()),
          force: d.force.id,
          officer: rng.chance(0.85) ? `${rng.pick(['PC', 'DC', 'DS'])} ${rng.int(1000, 9999)}, ${rng.pick(OFFICER_UNITS)}` : null,
          crimeReference: rng.chance(0.6) ? `CR-${at.getUTCFullYear()}-${String(rng.int(1, 999_999)).padStart(6, '0')}` : null,
          summary: rng.pick(POLICE_SUMMARIES),
          recordedBy: input.caseWorkerId,
        });
      }
    }
  }
  return out;
}

function pickCaseStatus(rng: Rng, ageDays: number, police: PoliceConsent): CaseStatus {
  const closedChance = ageDays > 365 ? 0.93 : ageDays > 180 ? 0.75 : ageDays > 60 ? 0.5 : ageDays > 14 ? 0.2 : 0.05;
  if (rng.chance(closedChance)) return CaseStatus.CLOSED;
  if (ageDays < 7) return rng.weighted([[CaseStatus.OPEN, 50], [CaseStatus.ACTIVE, 35], [CaseStatus.AWAITING_MEMBER, 15]] as const);
  const status = rng.weighted([[CaseStatus.OPEN, 15], [CaseStatus.ACTIVE, 40], [CaseStatus.AWAITING_MEMBER, 25], [CaseStatus.POLICE_LIAISON, 20]] as const);
  return status === CaseStatus.POLICE_LIAISON && police === PoliceConsent.NONE ? CaseStatus.ACTIVE : status;
}

function narrative(rng: Rng, types: IncidentType[]): string {
  const sentences = [rng.pick(OPENINGS), ...types.map((t) => rng.pick(EVENTS[t])), rng.pick(AFTERMATHS)];
  if (rng.chance(0.4)) sentences.push(rng.pick(AFTERMATHS.filter((a) => a !== sentences[sentences.length - 1])));
  if (rng.chance(0.25)) sentences.splice(1, 0, 'Details that could identify the reporter have been [redacted].');
  return sentences.join(' ');
}

function policeSummary(rng: Rng, types: IncidentType[], d: Draft, incidentDate: string, police: PoliceConsent): string {
  const [y, m, day] = incidentDate.split('-');
  const what = types.map((t) => INCIDENT_WORDS[t]).join(', ');
  const where = rng.pick(['a hotel', 'a private address', 'a working flat', 'a vehicle', 'a street location', 'an address arranged online']);
  const text = [
    `Report of ${what} against a sex worker at ${where} in the ${d.force.name} area on or around ${Number(day)} ${MONTHS[Number(m) - 1]} ${y}.`,
    d.perpetrator ? `Suspect: ${d.perpetrator}` : 'No suspect description given.',
    police === PoliceConsent.FULL ? 'The reporter is willing to speak to police through the case worker.' : 'The reporter is not identified and does not wish to be contacted.',
  ];
  return text.join(' ');
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
