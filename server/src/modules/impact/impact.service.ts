import type { EntityManager } from '@mikro-orm/postgresql';
import { financialYearBounds } from '../../common/financial-year';
import { IncidentType } from '../report/report.enums';
import { type AlertYear, type CostAssumptionsInput, type CostEstimate, DEFAULT_COST_ASSUMPTIONS, type ImpactStatistics, type IncidentTypeCount, type InvitationPipeline, type ReportYear, type TrainingYear } from './impact.types';

/** The financial year of a timestamp, in the charity's time zone (see common/financial-year.ts). */
const fyOf = (column: string) => `lantern_financial_year((${column} at time zone 'Europe/London')::date)`;
const SEXUAL = `array['${IncidentType.RAPE}', '${IncidentType.SEXUAL_ASSAULT}']::text[]`;

const pounds = (pence: number) => `£${Math.round(pence / 100).toLocaleString('en-GB')}`;

/**
 * The managers' figures. Every count is one GROUP BY in PostgreSQL; nothing is loaded row by row.
 * Reports are counted only when their `statistics` consent allows it, everywhere on this page; the
 * report figures are read from the per-year tallies the database keeps (Migration20261129141000).
 */
export class ImpactService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Each group of figures is its own query, started only when the client selects a field that
   * needs it (the fields are getters): a request for the report figures does not also aggregate
   * alerts, training and invitations.
   */
  statistics(financialYear: string | null, costs: CostAssumptionsInput | undefined): ImpactStatistics {
    const once = <T>(load: () => Promise<T>) => {
      let value: Promise<T> | undefined;
      return () => (value ??= load());
    };
    const reportsByYear = once(() => this.reportsByYear(financialYear));
    const reportsByIncidentType = once(() => this.reportsByIncidentType(financialYear));
    const alertsByYear = once(() => this.alertsByYear(financialYear));
    const trainingByYear = once(() => this.trainingByYear(financialYear));
    const invitations = once(() => this.invitations());
    const sum = (rows: ReportYear[], key: 'reports' | 'violentOrSexual') => rows.reduce((n, y) => n + y[key], 0);
    return {
      financialYear,
      get reports() {
        return reportsByYear().then((rows) => sum(rows, 'reports'));
      },
      get violentOrSexualReports() {
        return reportsByYear().then((rows) => sum(rows, 'violentOrSexual'));
      },
      get violentOrSexualShare() {
        return reportsByYear().then((rows) => (sum(rows, 'reports') ? sum(rows, 'violentOrSexual') / sum(rows, 'reports') : 0));
      },
      get reportsByIncidentType() {
        return reportsByIncidentType();
      },
      get reportsByYear() {
        return reportsByYear();
      },
      get alertsByYear() {
        return alertsByYear();
      },
      get alertsPublished() {
        return alertsByYear().then((rows) => rows.reduce((n, y) => n + y.published, 0));
      },
      get trainingByYear() {
        return trainingByYear();
      },
      get invitations() {
        return invitations();
      },
      get costsAvoided() {
        return alertsByYear().then((rows) => estimateCosts(rows, costs));
      },
    } as unknown as ImpactStatistics;
  }

  private yearCondition(expression: string, financialYear: string | null, params: unknown[]): string {
    if (!financialYear) return 'true';
    params.push(financialYear);
    return `${expression} = ?`;
  }

  /** A timestamp column within a financial year, as a range on the column itself (so its index serves). */
  private yearRange(column: string, financialYear: string | null, params: unknown[]): string {
    if (!financialYear) return 'true';
    const { from, to } = financialYearBounds(financialYear);
    params.push(from, to);
    return `${column} >= (?::date)::timestamp at time zone 'Europe/London' and ${column} < ((?::date) + 1)::timestamp at time zone 'Europe/London'`;
  }

  /**
   * The report figures come from the tallies triggers keep per financial year
   * (Migration20261129141000): a row per year, where aggregating the reports read all of them.
   */
  private async reportsByYear(financialYear: string | null): Promise<ReportYear[]> {
    const params: unknown[] = [];
    const rows = await this.em.execute<{ fy: string; reports: number; violent: number; full: number; anonymous: number }[]>(
      `select financial_year as fy, reports::int, violent_or_sexual::int as violent, full_police::int as full, anonymous_intelligence::int as anonymous
         from report_year_tally
        where reports > 0 and ${this.yearCondition('financial_year', financialYear, params)}
        order by 1`,
      params,
    );
    return rows.map((r) => ({ financialYear: r.fy, reports: r.reports, violentOrSexual: r.violent, fullPoliceConsent: r.full, anonymousIntelligenceConsent: r.anonymous }));
  }

  private async reportsByIncidentType(financialYear: string | null): Promise<IncidentTypeCount[]> {
    const params: unknown[] = [];
    const rows = await this.em.execute<{ type: IncidentType; count: number }[]>(
      `select incident_type as type, sum(reports)::int as count
         from report_type_tally
        where ${this.yearCondition('financial_year', financialYear, params)}
        group by 1 having sum(reports) > 0 order by count desc, type`,
      params,
    );
    return rows.map((r) => ({ incidentType: r.type, count: r.count }));
  }

  private async alertsByYear(financialYear: string | null): Promise<AlertYear[]> {
    const params: unknown[] = [];
    const rows = await this.em.execute<{ fy: string; published: number; sexual: number; violence: number }[]>(
      `select ${fyOf('a.published_at')} as fy,
              count(*)::int as published,
              count(*) filter (where a.incident_types && ${SEXUAL})::int as sexual,
              count(*) filter (where '${IncidentType.VIOLENCE}' = any(a.incident_types))::int as violence
         from alert a
        where a.published_at is not null and a.corrects_id is null and ${this.yearRange('a.published_at', financialYear, params)}
        group by 1 order by 1`,
      params,
    );
    return rows.map((r) => ({ financialYear: r.fy, published: r.published, sexualViolence: r.sexual, violence: r.violence }));
  }

  private async trainingByYear(financialYear: string | null): Promise<TrainingYear[]> {
    const params: unknown[] = [];
    const rows = await this.em.execute<{ fy: string; sessions: number; officers: number; forces: number; responses: number; intend: number; experts: number }[]>(
      `with s as (
         select s.id, lantern_financial_year(s.date) as fy, s.officers_attending,
                exists (select 1 from jsonb_array_elements(s.trainers) t where (t ->> 'expertByExperience')::boolean) as expert
           from training_session s
          where ${this.yearCondition('lantern_financial_year(s.date)', financialYear, params)}
       ), forces as (
         select s.fy, count(distinct tsf.force_id)::int as forces
           from s join training_session_force tsf on tsf.training_session_id = s.id group by s.fy
       )
       select s.fy, count(*)::int as sessions, sum(s.officers_attending)::int as officers,
              coalesce(max(forces.forces), 0)::int as forces,
              coalesce(sum(f.responses), 0)::int as responses, coalesce(sum(f.intend_to_use), 0)::int as intend,
              count(*) filter (where s.expert)::int as experts
         from s left join training_feedback f on f.session_id = s.id left join forces on forces.fy = s.fy
        group by s.fy order by s.fy`,
      params,
    );
    return rows.map((r) => ({
      financialYear: r.fy,
      sessions: r.sessions,
      officersTrained: r.officers,
      forcesReached: r.forces,
      responses: r.responses,
      intendToUse: r.intend,
      sessionsWithExpertsByExperience: r.experts,
    }));
  }

  private async invitations(): Promise<InvitationPipeline[]> {
    const rows = await this.em.execute<{ programme: string; invited: number; awaiting: number; accepted: number; declined: number; delivered: number }[]>(
      `select programme,
              count(*)::int as invited,
              count(*) filter (where status = 'INVITED')::int as awaiting,
              count(*) filter (where status = 'ACCEPTED')::int as accepted,
              count(*) filter (where status = 'DECLINED')::int as declined,
              count(*) filter (where status = 'DELIVERED')::int as delivered
         from training_invitation group by programme order by min(invited_on) desc, programme`,
    );
    return rows.map((r) => ({ programme: r.programme, invited: r.invited, awaitingReply: r.awaiting, accepted: r.accepted, declined: r.declined, delivered: r.delivered }));
  }
}

/**
 * Costs avoided = alerts about rape or sexual assault × rapes prevented per such alert × cost of a
 * rape + alerts about violence × murders prevented per such alert × cost of a murder. The rates are
 * assumptions, not measurements, and are printed with the figure.
 */
export function estimateCosts(alertsByYear: AlertYear[], input: CostAssumptionsInput | undefined): CostEstimate {
  const a = { ...DEFAULT_COST_ASSUMPTIONS, ...Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== undefined && v !== null)) };
  const sexualViolenceAlerts = alertsByYear.reduce((n, y) => n + y.sexualViolence, 0);
  const violenceAlerts = alertsByYear.reduce((n, y) => n + y.violence, 0);
  const estimatedRapesPrevented = sexualViolenceAlerts * a.rapesPreventedPerSexualViolenceAlert;
  const estimatedMurdersPrevented = violenceAlerts * a.murdersPreventedPerViolenceAlert;
  const estimatedCostsAvoidedPence = Math.round(estimatedRapesPrevented * a.rapeUnitCostPence + estimatedMurdersPrevented * a.murderUnitCostPence);
  return {
    ...a,
    sexualViolenceAlerts,
    violenceAlerts,
    estimatedRapesPrevented,
    estimatedMurdersPrevented,
    estimatedCostsAvoidedPence,
    assumptions: [
      `Unit costs: ${pounds(a.rapeUnitCostPence)} per rape and ${pounds(a.murderUnitCostPence)} per murder (defaults from the Home Office's 2018 estimates of the costs of crime: over £100K per rape, about £3M per homicide).`,
      `Each published alert about rape or sexual assault is assumed to prevent ${a.rapesPreventedPerSexualViolenceAlert} rapes; each about violence ${a.murdersPreventedPerViolenceAlert} murders. These rates are assumptions, not measurements: change them to test the estimate.`,
      'Alerts are counted once, when first published (a correction is not counted again); withdrawn and expired alerts still count, since they were seen.',
      'An estimate of what crime would have cost, not money the charity received or saved directly.',
    ],
  };
}
