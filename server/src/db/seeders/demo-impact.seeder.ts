import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { currentFinancialYear, financialYearBounds } from '../../common/financial-year';
import { todayInLondon } from '../../common/dates';
import { Alert, AlertStatus } from '../../modules/alert/alert.entity';
import { Force } from '../../modules/force/force.entity';
import { Funder, FunderKind, FundingPurpose, FundingRecord } from '../../modules/funding/funding.entity';
import { IncidentType } from '../../modules/report/report.enums';
import { InvitationStatus, TrainingFeedback, TrainingFormat, TrainingInvitation, TrainingSession } from '../../modules/training/training.entity';
import { User } from '../../modules/user/user.entity';

/**
 * Demo funding, training and alert history (DESIGN.md, "Demo data"), around the figures the
 * charity has published:
 * - the seven forces that funded it in 2020/21 (Avon and Somerset, Greater Manchester, Kent,
 *   Nottinghamshire, Northumbria, Police Scotland, Thames Valley); Comic Relief and the London
 *   Community Foundation funding case work; the London Community Foundation with the Metropolitan
 *   Police funding London training. Amounts are plausible, not the charity's accounts, and every
 *   record says so in its notes.
 * - 2019/20 training: 9 forces, 214 officers, 96% of respondents intending to use the service.
 * - 12 forces invited to the next programme, led by experts by experience.
 * - a few years of published (now expired) alerts, so the alerts chart and the costs estimate
 *   have something to show.
 * Deterministic: the same data on every run (years are counted back from the current one).
 */
export const DEMO_NOTE = 'Demo figure: plausible, not the charity’s real accounts.';

/** The forces that funded the charity in 2020/21 (published). */
export const FUNDING_FORCES_2020_21 = ['avon-and-somerset', 'greater-manchester', 'kent', 'nottinghamshire', 'northumbria', 'police-scotland', 'thames-valley'];
/** 2019/20 training: 9 forces and 214 officers (published: "over 200"). */
export const TRAINED_2019_20: [code: string, officers: number, responses: number, intend: number][] = [
  ['avon-and-somerset', 28, 26, 25],
  ['greater-manchester', 24, 22, 21],
  ['kent', 22, 20, 19],
  ['nottinghamshire', 25, 22, 21],
  ['northumbria', 21, 20, 19],
  ['thames-valley', 23, 21, 20],
  ['west-yorkshire', 26, 24, 23],
  ['merseyside', 20, 20, 20],
  ['south-wales', 25, 25, 24],
]; // 214 officers, 200 responses, 192 intending to use: 96%
/** Invited to the next programme (12, published). */
export const NEXT_PROGRAMME_FORCES = [
  'cleveland', 'durham', 'cheshire', 'lancashire', 'west-midlands', 'staffordshire',
  'essex', 'hertfordshire', 'sussex', 'devon-and-cornwall', 'dyfed-powys', 'north-wales',
];

/** Small deterministic PRNG (mulberry32), so the demo is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fyStart = (fy: string) => Number(fy.slice(0, 4));
const fyName = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
const dayIn = (fy: string, monthOffset: number, day: number) => {
  const start = fyStart(fy);
  const month = 4 + monthOffset; // April = 0
  const year = month > 12 ? start + 1 : start;
  return `${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const CONCERNS_BEFORE = ['Anonymous reports cannot be used as evidence', 'Not sure how to request an alert', 'Worried about workload', 'Sex workers will not talk to police'];
const CONCERNS_AFTER = ['Not sure how to request an alert', 'Worried about workload'];
const TRAINERS = [
  { name: 'Ruby', expertByExperience: true },
  { name: 'Jess', expertByExperience: true },
  { name: 'Lantern training lead', expertByExperience: false },
];

export class DemoImpactSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    if ((await em.count(Funder, {})) > 0) return;
    const forces = new Map((await em.find(Force, {})).map((f) => [f.code, f]));
    const force = (code: string) => {
      const f = forces.get(code);
      if (!f) throw new Error(`DemoImpactSeeder: no force ${code}`);
      return f;
    };
    const manager = await em.findOne(User, { email: 'manager@example.org' });
    const caseWorker = await em.findOne(User, { email: 'caseworker@example.org' });
    if (!manager || !caseWorker) throw new Error('DemoImpactSeeder needs the demo accounts: run DemoSeeder first');
    const today = todayInLondon();
    const thisYear = currentFinancialYear();
    const random = prng(20201);

    // Funders and funding, 2018/19 to this year.
    const forceFunderCodes = [...FUNDING_FORCES_2020_21, 'metropolitan', 'west-yorkshire'];
    const funders = new Map<string, Funder>();
    for (const code of forceFunderCodes) funders.set(code, em.create(Funder, { name: force(code).name, kind: FunderKind.POLICE_FORCE, force: force(code) }));
    funders.set('comic-relief', em.create(Funder, { name: 'Comic Relief', kind: FunderKind.CHARITY }));
    funders.set('lcf', em.create(Funder, { name: 'London Community Foundation', kind: FunderKind.TRUST_OR_FOUNDATION }));

    const record = (key: string, fy: string, pounds: number, purpose: FundingPurpose, monthOffset: number, ref: string) => {
      const receivedOn = dayIn(fy, monthOffset, 15);
      em.create(FundingRecord, {
        funder: funders.get(key)!,
        financialYear: fy,
        amountPence: pounds * 100,
        purpose,
        receivedOn: receivedOn <= today ? receivedOn : null,
        agreementReference: ref,
        notes: DEMO_NOTE,
        recordedBy: manager,
      });
    };
    for (let start = 2018; start <= fyStart(thisYear); start++) {
      const fy = fyName(start);
      // Which forces funded core reporting and alerting that year: all seven in 2020/21 (published);
      // fewer before, and a changing few after, so "this year vs last" has something to show.
      const core =
        start < 2020 ? FUNDING_FORCES_2020_21.slice(0, 3 + (start - 2018)) :
        start === 2020 ? FUNDING_FORCES_2020_21 :
        [...FUNDING_FORCES_2020_21.filter((_, i) => (i + start) % 5 !== 0), ...(start >= 2023 ? ['west-yorkshire'] : [])];
      core.forEach((code, i) => record(code, fy, 12_000 + Math.round(random() * 10) * 1_000, FundingPurpose.CORE_REPORTING_AND_ALERTING, 1 + (i % 3), `DEMO-${start}-${code.toUpperCase().slice(0, 6)}`));
      record('comic-relief', fy, 38_000 + Math.round(random() * 8) * 1_000, FundingPurpose.CASE_WORK, 0, `DEMO-${start}-CR`);
      if (start >= 2019) record('lcf', fy, 25_000 + Math.round(random() * 6) * 1_000, FundingPurpose.CASE_WORK, 2, `DEMO-${start}-LCF-CW`);
      if (start === 2020 || start === 2021) {
        record('lcf', fy, 15_000, FundingPurpose.TRAINING, 4, `DEMO-${start}-LCF-TR`);
        record('metropolitan', fy, 10_000, FundingPurpose.TRAINING, 4, `DEMO-${start}-MPS-TR`);
      }
    }

    // Training: one programme per year; 2019/20 as published.
    const session = (fy: string, codes: string[], monthOffset: number, officers: number, feedback: [number, number] | null, format: TrainingFormat) => {
      const date = dayIn(fy, monthOffset, 10 + (officers % 15));
      if (date > today) return null;
      const s = em.create(TrainingSession, {
        date,
        format,
        location: format === TrainingFormat.ONLINE ? 'Online' : `${force(codes[0]).name} training centre`,
        programme: `${fy} police training`,
        trainers: [TRAINERS[monthOffset % 2], TRAINERS[2]],
        officersAttending: officers,
        notes: 'Demo session.',
        recordedBy: manager,
      });
      s.forces.set(codes.map(force));
      if (feedback) {
        em.create(TrainingFeedback, {
          session: s,
          responses: feedback[0],
          intendToUse: feedback[1],
          concernsBefore: CONCERNS_BEFORE.map((theme, i) => ({ theme, count: Math.max(1, Math.round(feedback[0] * (0.5 - i * 0.1))) })),
          concernsAfter: CONCERNS_AFTER.map((theme, i) => ({ theme, count: Math.max(1, Math.round(feedback[0] * (0.15 - i * 0.05))) })),
        });
      }
      return s;
    };
    const invite = (fy: string, code: string, status: InvitationStatus, s: TrainingSession | null, monthOffset: number, notes = 'Demo invitation.') => {
      const invitedOn = dayIn(fy, 0, 2);
      const when = s?.date ?? dayIn(fy, monthOffset, 20);
      em.create(TrainingInvitation, {
        force: force(code),
        programme: `${fy} police training`,
        status,
        invitedOn: invitedOn <= today ? invitedOn : today,
        acceptedOn: status === InvitationStatus.ACCEPTED || status === InvitationStatus.DELIVERED ? dayIn(fy, 1, 5) : null,
        declinedOn: status === InvitationStatus.DECLINED ? dayIn(fy, 1, 12) : null,
        deliveredOn: status === InvitationStatus.DELIVERED ? when : null,
        session: s,
        notes,
      });
    };

    // 2018/19: a first programme, four forces.
    const first = ['avon-and-somerset', 'kent', 'greater-manchester', 'nottinghamshire'];
    first.forEach((code, i) => invite('2018/19', code, InvitationStatus.DELIVERED, session('2018/19', [code], 3 + i * 2, 15 + i * 3, [12 + i * 2, 10 + i * 2], TrainingFormat.IN_PERSON), 0));
    invite('2018/19', 'northumbria', InvitationStatus.DECLINED, null, 0);
    // 2019/20, as published: 9 forces, 214 officers, 96% intending to use the service.
    TRAINED_2019_20.forEach(([code, officers, responses, intend], i) =>
      invite('2019/20', code, InvitationStatus.DELIVERED, session('2019/20', [code], 2 + i, officers, [responses, intend], TrainingFormat.IN_PERSON), 0),
    );
    invite('2019/20', 'police-scotland', InvitationStatus.DECLINED, null, 0);
    // Later programmes: online in 2020/21, then hybrid; some joint sessions.
    const later: Record<string, string[][]> = {
      '2020/21': [['metropolitan'], ['police-scotland', 'northumbria'], ['thames-valley'], ['kent', 'avon-and-somerset']],
      '2021/22': [['metropolitan', 'city-of-london'], ['west-midlands'], ['greater-manchester', 'lancashire']],
      '2022/23': [['south-yorkshire'], ['hampshire', 'surrey'], ['leicestershire']],
      '2023/24': [['west-mercia'], ['gwent', 'south-wales'], ['norfolk', 'suffolk'], ['cumbria']],
      '2024/25': [['bedfordshire'], ['derbyshire', 'lincolnshire'], ['wiltshire', 'dorset']],
      '2025/26': [['humberside'], ['north-yorkshire', 'west-yorkshire'], ['gloucestershire'], ['cambridgeshire']],
    };
    for (const [fy, groups] of Object.entries(later)) {
      if (fy > thisYear) continue;
      groups.forEach((codes, i) => {
        const officers = 14 + Math.round(random() * 16) + codes.length * 6;
        const responses = Math.round(officers * (0.75 + random() * 0.2));
        const intend = Math.min(responses, Math.round(responses * (0.88 + random() * 0.1)));
        const s = session(fy, codes, 2 + i * 2, officers, [responses, intend], fy === '2020/21' ? TrainingFormat.ONLINE : i % 2 ? TrainingFormat.HYBRID : TrainingFormat.IN_PERSON);
        codes.forEach((code) => invite(fy, code, s ? InvitationStatus.DELIVERED : InvitationStatus.ACCEPTED, s, 2 + i * 2));
      });
    }
    // The next programme: 12 forces invited (published), led by experts by experience.
    const next = thisYear;
    NEXT_PROGRAMME_FORCES.forEach((code, i) => {
      const status = i < 5 ? InvitationStatus.ACCEPTED : i === 11 ? InvitationStatus.DECLINED : InvitationStatus.INVITED;
      invite(next, code, status, null, 0, 'Demo invitation. The programme is led by experts by experience.');
    });

    // Alert history: published (and long expired) alerts, a few dozen a year.
    const types: IncidentType[][] = [[IncidentType.VIOLENCE], [IncidentType.RAPE], [IncidentType.SEXUAL_ASSAULT, IncidentType.THREATS], [IncidentType.ROBBERY], [IncidentType.HARASSMENT], [IncidentType.FRAUD], [IncidentType.VIOLENCE, IncidentType.ROBBERY]];
    const areas = [...forces.values()];
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000);
    for (let start = 2019; start <= fyStart(thisYear); start++) {
      const fy = fyName(start);
      const { from } = financialYearBounds(fy);
      const count = 18 + Math.round(random() * 14);
      for (let i = 0; i < count; i++) {
        const publishedAt = new Date(new Date(`${from}T10:00:00Z`).getTime() + Math.floor((i + random()) * (365 / count)) * 86_400_000);
        if (publishedAt > fortyDaysAgo) break;
        const incidentTypes = types[Math.floor(random() * types.length)];
        const area = areas[Math.floor(random() * areas.length)];
        const alert = em.create(Alert, {
          title: `Demo alert: ${incidentTypes.map((t) => t.toLowerCase().replace(/_/g, ' ')).join(' and ')} in ${area.name} area`,
          body: 'Demo alert. A member reported a client who became dangerous. Take care with new bookings and share your plans with someone you trust.',
          status: i % 17 === 5 ? AlertStatus.WITHDRAWN : AlertStatus.EXPIRED,
          incidentTypes,
          shownIdentifiers: [],
          author: caseWorker,
          approver: manager,
          approvedAt: new Date(publishedAt.getTime() - 3_600_000),
          publishedAt,
          expiresAt: new Date(publishedAt.getTime() + 28 * 86_400_000),
          withdrawnAt: i % 17 === 5 ? new Date(publishedAt.getTime() + 5 * 86_400_000) : null,
          withdrawalReason: i % 17 === 5 ? 'Demo: the member asked us to withdraw it.' : null,
        } as never);
        alert.targetAreas.add(area);
      }
    }
    await em.flush();
  }
}
