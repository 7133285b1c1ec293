import { IsOptional, Max, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IncidentType } from '../report/report.enums';

/** Home Office (2018), "The economic and social costs of crime": over £100K per rape, about £3M per homicide. */
export const DEFAULT_COST_ASSUMPTIONS = {
  rapeUnitCostPence: 10_000_000,
  murderUnitCostPence: 300_000_000,
  rapesPreventedPerSexualViolenceAlert: 0.1,
  murdersPreventedPerViolenceAlert: 0.001,
} as const;

@InputType({ description: 'Unit costs and prevention rates for the costs-avoided estimate; anything left out takes its default' })
export class CostAssumptionsInput {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Default £100,000 (Home Office 2018: over £100K per rape)' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000_000_000)
  rapeUnitCostPence?: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Default £3,000,000 (Home Office 2018: about £3M per homicide)' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000_000_000)
  murderUnitCostPence?: number;

  @Field(() => Float, { nullable: true, description: 'Rapes assumed prevented by each published alert about rape or sexual assault (default 0.1)' })
  @IsOptional()
  @Min(0)
  @Max(10)
  rapesPreventedPerSexualViolenceAlert?: number;

  @Field(() => Float, { nullable: true, description: 'Murders assumed prevented by each published alert about violence (default 0.001)' })
  @IsOptional()
  @Min(0)
  @Max(1)
  murdersPreventedPerViolenceAlert?: number;
}

@ObjectType({ description: 'Reports of one incident type (a report may have several types)' })
export class IncidentTypeCount {
  @Field(() => IncidentType)
  incidentType!: IncidentType;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Reports received in one financial year, and the police consent in force on them now' })
export class ReportYear {
  @Field(() => String)
  financialYear!: string;

  @Field(() => Int, { description: 'Reports whose statistics consent allows counting them' })
  reports!: number;

  @Field(() => Int, { description: 'Of those, reports about violence, rape or sexual assault' })
  violentOrSexual!: number;

  @Field(() => Int, { description: 'Of those, reports with FULL police consent' })
  fullPoliceConsent!: number;

  @Field(() => Int, { description: 'Of those, reports with ANONYMOUS_INTELLIGENCE police consent' })
  anonymousIntelligenceConsent!: number;
}

@ObjectType({ description: 'Alerts first published in one financial year (corrections not counted again)' })
export class AlertYear {
  @Field(() => String)
  financialYear!: string;

  @Field(() => Int)
  published!: number;

  @Field(() => Int, { description: 'Of those, about rape or sexual assault' })
  sexualViolence!: number;

  @Field(() => Int, { description: 'Of those, about violence' })
  violence!: number;
}

@ObjectType({ description: 'Police training delivered in one financial year' })
export class TrainingYear {
  @Field(() => String)
  financialYear!: string;

  @Field(() => Int)
  sessions!: number;

  @Field(() => Int)
  officersTrained!: number;

  @Field(() => Int, { description: 'Different forces that attended' })
  forcesReached!: number;

  @Field(() => Int, { description: 'Feedback responses' })
  responses!: number;

  @Field(() => Int, { description: 'Respondents intending to use the service' })
  intendToUse!: number;

  @Field(() => Int, { description: 'Sessions led or co-led by an expert by experience' })
  sessionsWithExpertsByExperience!: number;
}

@ObjectType({ description: 'Where the forces invited to one programme stand' })
export class InvitationPipeline {
  @Field(() => String)
  programme!: string;

  @Field(() => Int, { description: 'Every force invited' })
  invited!: number;

  @Field(() => Int, { description: 'Invited, no answer yet' })
  awaitingReply!: number;

  @Field(() => Int, { description: 'Accepted, not yet trained' })
  accepted!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => Int)
  delivered!: number;
}

@ObjectType({ description: 'An estimate of police investigation costs avoided, with every assumption it rests on' })
export class CostEstimate {
  @Field(() => GraphQLSafeInt)
  rapeUnitCostPence!: number;

  @Field(() => GraphQLSafeInt)
  murderUnitCostPence!: number;

  @Field(() => Float)
  rapesPreventedPerSexualViolenceAlert!: number;

  @Field(() => Float)
  murdersPreventedPerViolenceAlert!: number;

  @Field(() => Int)
  sexualViolenceAlerts!: number;

  @Field(() => Int)
  violenceAlerts!: number;

  @Field(() => Float)
  estimatedRapesPrevented!: number;

  @Field(() => Float)
  estimatedMurdersPrevented!: number;

  @Field(() => GraphQLSafeInt)
  estimatedCostsAvoidedPence!: number;

  @Field(() => [String], { description: 'The assumptions, in words, to print beside the figure' })
  assumptions!: string[];
}

@ObjectType({ description: 'The managers’ impact figures, computed in the database' })
export class ImpactStatistics {
  @Field(() => String, { nullable: true, description: 'The financial year these figures are limited to, if any' })
  financialYear!: string | null;

  @Field(() => Int, { description: 'Reports counted (only those whose statistics consent allows it)' })
  reports!: number;

  @Field(() => Int)
  violentOrSexualReports!: number;

  @Field(() => Float, { description: 'violentOrSexualReports / reports (0 when there are none)' })
  violentOrSexualShare!: number;

  @Field(() => [IncidentTypeCount], { description: 'Most reported first' })
  reportsByIncidentType!: IncidentTypeCount[];

  @Field(() => [ReportYear], { description: 'Oldest year first' })
  reportsByYear!: ReportYear[];

  @Field(() => [AlertYear])
  alertsByYear!: AlertYear[];

  @Field(() => Int)
  alertsPublished!: number;

  @Field(() => [TrainingYear])
  trainingByYear!: TrainingYear[];

  @Field(() => [InvitationPipeline], { description: 'Newest programme first' })
  invitations!: InvitationPipeline[];

  @Field(() => CostEstimate)
  costsAvoided!: CostEstimate;
}
