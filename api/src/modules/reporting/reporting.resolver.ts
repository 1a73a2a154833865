import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { toGlobalId } from '../../common/global-id.js';
import { registerNodeType } from '../../common/node.js';
import { LocalDateScalar } from '../../common/scalars.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import { PersonalDataAccessLog } from '../audit/access-log.entity.js';
import { OrganizationType } from '../organization/organization.types.js';
import { CourseOfferingType, EnrollmentRoundType } from '../round/round.types.js';
import { ServantType } from '../servant/servant.types.js';
import type { CreditsReport, DemandFunnel, OverdueReport, ParticipationReport, RoundOutcomeOffering, RoundOutcomeReport } from './reporting.service.js';
import {
  AccessLogActorType,
  CSV_NOTE,
  CreditsFigureType,
  CreditsReportType,
  DemandFunnelType,
  MandatoryOverdueReportType,
  OrganizationMandatoryOverdueType,
  OrganizationParticipationType,
  ParticipationReportType,
  PersonalDataAccessLogEntryConnection,
  PersonalDataAccessLogEntryType,
  PersonalDataAccessLogFilterInput,
  RoundOutcomeOfferingType,
  RoundOutcomeReportType,
} from './reporting.types.js';

registerNodeType('PersonalDataAccessLogEntry', PersonalDataAccessLog, (ctx, ids) => (ctx as Context).services.reporting.accessLogByIds(ids));

const STATS_ROLES = [Role.REPORTER, Role.INSTITUTE_ADMIN, Role.ORG_ADMIN];

@Resolver()
export class ReportingResolver {
  @Authorized(...STATS_ROLES)
  @Query(() => DemandFunnelType, { description: 'The demand funnel of a month. REPORTER and INSTITUTE_ADMIN (province), ORG_ADMIN (their subtree). One statement.' })
  demandFunnel(@Ctx() ctx: Context, @Arg('month', { description: 'YYYY-MM (Korea time).' }) month: string) {
    return ctx.services.reporting.demandFunnel(month);
  }

  @Authorized(...STATS_ROLES)
  @Query(() => RoundOutcomeReportType, { description: 'A round\'s outcome per offering and in total. REPORTER and INSTITUTE_ADMIN, ORG_ADMIN (registrants of their subtree). One statement.' })
  roundOutcome(@Ctx() ctx: Context, @Arg('roundId', () => ID, { description: 'The round.' }) roundId: string) {
    return ctx.services.reporting.roundOutcome(roundId);
  }

  @Authorized(...STATS_ROLES)
  @Query(() => ParticipationReportType, { description: 'Participation per city and county (and the province) in a year. REPORTER and INSTITUTE_ADMIN, ORG_ADMIN (their subtree). One statement.' })
  participationByOrganization(@Ctx() ctx: Context, @Arg('year', () => Int, { description: 'Calendar year (Korea time), 2000–2100.' }) year: number) {
    return ctx.services.reporting.participationByOrganization(year);
  }

  @Authorized(...STATS_ROLES)
  @Query(() => CreditsReportType, { description: 'Credits earned by category × organisation in a period of at most 3660 days. REPORTER and INSTITUTE_ADMIN, ORG_ADMIN (their subtree). One statement.' })
  creditsByCategoryAndOrganization(
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDateScalar, { description: 'First day (inclusive).' }) from: string,
    @Arg('to', () => LocalDateScalar, { description: 'Last day (inclusive).' }) to: string,
  ) {
    return ctx.services.reporting.creditsByCategoryAndOrganization(from, to);
  }

  @Authorized(...STATS_ROLES)
  @Query(() => MandatoryOverdueReportType, { description: 'Servants with overdue mandatory training per organisation in a year. REPORTER and INSTITUTE_ADMIN, ORG_ADMIN (their subtree). One statement.' })
  mandatoryOverdueByOrganization(@Ctx() ctx: Context, @Arg('year', () => Int, { description: 'Calendar year (Korea time), 2000–2100.' }) year: number) {
    return ctx.services.reporting.mandatoryOverdueByOrganization(year);
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Query(() => PersonalDataAccessLogEntryConnection, {
    description: 'The personal-data access log, newest first. Institute administrators only (who read whose data is itself personal data).',
  })
  personalDataAccessLog(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => PersonalDataAccessLogFilterInput, { nullable: true, description: 'Narrows the entries.' }) filter?: PersonalDataAccessLogFilterInput,
  ) {
    return ctx.services.reporting.accessLog(filter, args);
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Query(() => String, {
    description: `The filtered access log as CSV (at most 50,000 entries; headers 일시, 조회자, 조회자 이메일, 조회자 역할, IP, 대상 사번, 대상 성명, 행위, 요청, 사유). The export is itself recorded as one EXPORT_ACCESS_LOG entry with the reason. Institute administrators only. ${CSV_NOTE}`,
  })
  personalDataAccessLogExport(
    @Ctx() ctx: Context,
    @Arg('reason', { description: 'Why the log is exported (required, at most 500 characters); recorded with the export.' }) reason: string,
    @Arg('filter', () => PersonalDataAccessLogFilterInput, { nullable: true, description: 'Narrows the entries.' }) filter?: PersonalDataAccessLogFilterInput,
  ) {
    return ctx.services.reporting.accessLogExport(filter, reason);
  }
}

@Resolver(() => DemandFunnelType)
export class DemandFunnelResolver {
  @FieldResolver(() => String, { description: `Headers 월, 교육 요청, 수요, 계획된 과정, 개설 과정, 확정 과정, 폐강 과정, 신청 중 과정. ${CSV_NOTE}` })
  csv(@Root() r: DemandFunnel, @Ctx() ctx: Context) {
    return ctx.services.reporting.demandFunnelCsv(r);
  }
}

@Resolver(() => RoundOutcomeReportType)
export class RoundOutcomeReportResolver {
  @FieldResolver(() => EnrollmentRoundType, { nullable: true, description: 'The round.' })
  round(@Root() r: RoundOutcomeReport, @Ctx() ctx: Context) {
    return ctx.services.rounds.roundById(r.roundId);
  }

  @FieldResolver(() => String, { description: `One line per offering and a 합계 line; headers 차수, 과정, 시작, 상태, 정원, 신청 인원(전체), 신청 인원(관할), 충원율(%). ${CSV_NOTE}` })
  csv(@Root() r: RoundOutcomeReport, @Ctx() ctx: Context) {
    return ctx.services.reporting.roundOutcomeCsv(r);
  }
}

@Resolver(() => RoundOutcomeOfferingType)
export class RoundOutcomeOfferingResolver {
  @FieldResolver(() => CourseOfferingType, { nullable: true, description: 'The offering.' })
  offering(@Root() r: RoundOutcomeOffering, @Ctx() ctx: Context) {
    return ctx.services.rounds.offeringById(r.offeringId);
  }
}

@Resolver(() => ParticipationReportType)
export class ParticipationReportResolver {
  @FieldResolver(() => String, { description: `One line per organisation and a 합계 line; headers 연도, 기관, 기관 코드, 공무원 수, 이수자 수, 참여율(%). ${CSV_NOTE}` })
  csv(@Root() r: ParticipationReport, @Ctx() ctx: Context) {
    return ctx.services.reporting.participationCsv(r);
  }
}

@Resolver(() => OrganizationParticipationType)
export class OrganizationParticipationResolver {
  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The organisation; null for the total.' })
  organization(@Root() r: { organizationId: number | null }, @Ctx() ctx: Context) {
    return r.organizationId == null ? null : ctx.services.organizations.byId(r.organizationId);
  }
}

@Resolver(() => OrganizationMandatoryOverdueType)
export class OrganizationMandatoryOverdueResolver {
  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The organisation; null for the total.' })
  organization(@Root() r: { organizationId: number | null }, @Ctx() ctx: Context) {
    return r.organizationId == null ? null : ctx.services.organizations.byId(r.organizationId);
  }
}

@Resolver(() => CreditsFigureType)
export class CreditsFigureResolver {
  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The organisation; null for a per-category subtotal or the total.' })
  organization(@Root() r: { organizationId: number | null }, @Ctx() ctx: Context) {
    return r.organizationId == null ? null : ctx.services.organizations.byId(r.organizationId);
  }
}

@Resolver(() => CreditsReportType)
export class CreditsReportResolver {
  @FieldResolver(() => String, {
    description: `Cells, then per-organisation and per-category subtotals, then the total; headers 시작일, 종료일, 기관, 분야, 학점, 취득자 수. ${CSV_NOTE}`,
  })
  csv(@Root() r: CreditsReport, @Ctx() ctx: Context) {
    return ctx.services.reporting.creditsCsv(r);
  }
}

@Resolver(() => MandatoryOverdueReportType)
export class MandatoryOverdueReportResolver {
  @FieldResolver(() => String, { description: `One line per organisation and a 합계 line; headers 연도, 기관, 기관 코드, 공무원 수, 미이수자 수, 미이수 의무교육 건수. ${CSV_NOTE}` })
  csv(@Root() r: OverdueReport, @Ctx() ctx: Context) {
    return ctx.services.reporting.overdueCsv(r);
  }
}

@Resolver(() => PersonalDataAccessLogEntryType)
export class PersonalDataAccessLogEntryResolver {
  @FieldResolver(() => AccessLogActorType, { nullable: true, description: 'The account that acted (null if it no longer exists).' })
  async actor(@Root() e: PersonalDataAccessLog, @Ctx() ctx: Context) {
    const a = await ctx.services.reporting.actor(e.actorAccountId);
    return a && { ...a, accountId: toGlobalId('Account', a.accountId) };
  }

  @FieldResolver(() => ServantType, { nullable: true, description: 'Whose data (null for an export of the log, or a servant no longer visible). Reading it is logged as READ_PROFILE.' })
  subject(@Root() e: PersonalDataAccessLog, @Ctx() ctx: Context) {
    return e.subjectServantId == null ? null : ctx.services.servants.byId(e.subjectServantId);
  }
}

/** Every resolver of the module, for the schema. */
export const reportingResolvers = [
  ReportingResolver,
  DemandFunnelResolver,
  RoundOutcomeReportResolver,
  RoundOutcomeOfferingResolver,
  ParticipationReportResolver,
  OrganizationParticipationResolver,
  OrganizationMandatoryOverdueResolver,
  CreditsFigureResolver,
  CreditsReportResolver,
  MandatoryOverdueReportResolver,
  PersonalDataAccessLogEntryResolver,
] as const;
