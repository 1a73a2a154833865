import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { toGlobalId } from '../../common/global-id.js';
import { registerNodeType } from '../../common/node.js';
import { now } from '../../common/clock.js';
import { pgArray } from '../../common/sql.js';
import { mutationPayload } from '../../common/user-errors.js';
import { type CertificationAwardedPayload, Topics } from '../../events/topics.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import { flushAccessLog } from '../audit/access-log.service.js';
import { CategoryType, CourseType } from '../catalog/catalog.types.js';
import { OrganizationType } from '../organization/organization.types.js';
import { Servant } from '../servant/servant.entity.js';
import { PersonalDataAction } from '../servant/servant.service.js';
import { ServantType } from '../servant/servant.types.js';
import { toCsv } from '../../common/csv-export.js';
import { Certification, CertificationProgram, MandatoryTrainingRule } from './certification.entity.js';
import {
  CertificationEvaluateError,
  CertificationEvaluateErrorCode,
  CertificationProgramCreateError,
  CertificationProgramCreateErrorCode,
  CertificationProgramDeactivateError,
  CertificationProgramDeactivateErrorCode,
  CertificationProgramUpdateError,
  CertificationProgramUpdateErrorCode,
  MandatoryTrainingRuleCreateError,
  MandatoryTrainingRuleCreateErrorCode,
  MandatoryTrainingRuleDeactivateError,
  MandatoryTrainingRuleDeactivateErrorCode,
  MandatoryTrainingRuleUpdateError,
  MandatoryTrainingRuleUpdateErrorCode,
} from './certification.errors.js';
import {
  CertificationEvaluateInput,
  CertificationProgramCreateInput,
  CertificationProgramDeactivateInput,
  CertificationProgramUpdateInput,
  MandatoryTrainingRuleCreateInput,
  MandatoryTrainingRuleDeactivateInput,
  MandatoryTrainingRuleUpdateInput,
} from './certification.inputs.js';
import { certificationState, type ProgressValue } from './certification.service.js';
import { kstDate, kstYear } from '../../common/kst.js';
import {
  CategoryMinimum,
  CertificateVerification,
  CertificationAward,
  CertificationAwardedEvent,
  CertificationConnection,
  CertificationProgramConnection,
  CertificationProgramType,
  CertificationProgress,
  CertificationRequirements,
  CertificationState,
  CertificationType,
  MandatoryTrainingOverdueConnection,
  MandatoryTrainingOverdueEntry,
  MandatoryTrainingRuleConnection,
  MandatoryTrainingRuleType,
  MandatoryTrainingStatus,
  RequiredCourse,
} from './certification.types.js';

registerNodeType('MandatoryTrainingRule', MandatoryTrainingRule, async (ctx, ids) => {
  ctx.scope.requireViewer();
  const rows = await Promise.all(ids.map((id) => (ctx as Context).services.certifications.ruleById(id)));
  return new Map(rows.filter((r): r is MandatoryTrainingRule => !!r).map((r) => [r.id, r]));
});
registerNodeType('CertificationProgram', CertificationProgram, async (ctx, ids) => {
  ctx.scope.requireViewer();
  const rows = await Promise.all(ids.map((id) => (ctx as Context).services.certifications.programById(id)));
  return new Map(rows.filter((r): r is CertificationProgram => !!r).map((r) => [r.id, r]));
});
// A certification is visible exactly when its holder is.
registerNodeType('Certification', Certification, (ctx, ids) => (ctx as Context).services.certifications.certificationsByIds(ids));

// ---------------------------------------------------------------- payloads

@ObjectType({ description: 'Result of mandatoryTrainingRuleCreate.' })
export class MandatoryTrainingRuleCreatePayload {
  @Field(() => MandatoryTrainingRuleType, { nullable: true, description: 'The new rule.' })
  rule!: unknown;
  @Field(() => [MandatoryTrainingRuleCreateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
@ObjectType({ description: 'Result of mandatoryTrainingRuleUpdate.' })
export class MandatoryTrainingRuleUpdatePayload {
  @Field(() => MandatoryTrainingRuleType, { nullable: true, description: 'The rule after the change.' })
  rule!: unknown;
  @Field(() => [MandatoryTrainingRuleUpdateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
@ObjectType({ description: 'Result of mandatoryTrainingRuleDeactivate.' })
export class MandatoryTrainingRuleDeactivatePayload {
  @Field(() => MandatoryTrainingRuleType, { nullable: true, description: 'The rule, now inactive.' })
  rule!: unknown;
  @Field(() => [MandatoryTrainingRuleDeactivateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
@ObjectType({ description: 'Result of certificationProgramCreate.' })
export class CertificationProgramCreatePayload {
  @Field(() => CertificationProgramType, { nullable: true, description: 'The new programme.' })
  program!: unknown;
  @Field(() => [CertificationProgramCreateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
@ObjectType({ description: 'Result of certificationProgramUpdate.' })
export class CertificationProgramUpdatePayload {
  @Field(() => CertificationProgramType, { nullable: true, description: 'The programme after the change.' })
  program!: unknown;
  @Field(() => [CertificationProgramUpdateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
@ObjectType({ description: 'Result of certificationProgramDeactivate.' })
export class CertificationProgramDeactivatePayload {
  @Field(() => CertificationProgramType, { nullable: true, description: 'The programme, now inactive.' })
  program!: unknown;
  @Field(() => [CertificationProgramDeactivateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
@ObjectType({ description: 'Result of certificationEvaluate.' })
export class CertificationEvaluatePayload {
  @Field(() => [CertificationType], { description: 'Certifications awarded by this evaluation (empty when nothing new was earned, or another evaluation awarded them first).' })
  awarded!: unknown[];
  @Field(() => [CertificationEvaluateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

/** The filter of the awarded list and of its CSV. */
@ArgsType()
class AwardedFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Only this programme.' })
  programId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only holders in this organisation\'s subtree (within the viewer\'s scope).' })
  organizationId?: string | null;
  @Field(() => CertificationState, { nullable: true, description: 'Only certifications in this state; absent = all.' })
  status?: CertificationState | null;
}

const AWARDED_CSV_HEADER = ['기관', '부서', '사번', '성명', '직급', '직렬', '인증', '회차', '인증일', '만료일', '인정학점', '확인코드', '상태'];
const STATE_WORDS: Record<CertificationState, string> = { VALID: '유효', EXPIRED: '만료', REVOKED: '취소' };
const OVERDUE_CSV_HEADER = ['기관', '부서', '사번', '성명', '직급', '직렬', '의무교육', '기한', '이수시간', '필요시간'];

// ---------------------------------------------------------------- resolvers

@Resolver(() => MandatoryTrainingRuleType)
export class MandatoryTrainingRuleResolver {
  @Authorized()
  @Query(() => MandatoryTrainingRuleConnection, { description: 'Mandatory training rules by name. Any signed-in viewer.' })
  mandatoryTrainingRules(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Also deactivated rules.' }) includeInactive: boolean,
  ) {
    return ctx.services.certifications.listRules(args, includeInactive);
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Query(() => MandatoryTrainingOverdueConnection, {
    description: 'Servants with at least one OVERDUE mandatory training in the year, by name: all servants for institute administrators, their subtree for organisation administrators. Reads are logged.',
  })
  mandatoryTrainingOverdue(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('year', () => Int, { description: 'Calendar year (Korea time).' }) year: number,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only this organisation\'s subtree (within the viewer\'s scope).' }) organizationId?: string,
  ) {
    return ctx.services.certifications.overdue(organizationId, year, args);
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Query(() => String, {
    description:
      'The same overdue list as CSV, one line per servant and overdue rule (UTF-8 with BOM, CRLF, Korean headers: 기관, 부서, 사번, 성명, 직급, 직렬, 의무교육, 기한, 이수시간, 필요시간), for Excel. Same scope as mandatoryTrainingOverdue.',
  })
  async mandatoryTrainingOverdueCsv(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Calendar year (Korea time).' }) year: number,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only this organisation\'s subtree (within the viewer\'s scope).' }) organizationId?: string,
  ) {
    const rows = await ctx.services.certifications.overdueRows(organizationId, year);
    return toCsv(
      OVERDUE_CSV_HEADER,
      rows.map((r) => [r.organization, r.department ?? '', r.employee_number, r.name, `${r.grade}급`, r.job_series, r.rule_name, r.due_date, r.hours_completed, r.hours_required]),
    );
  }

  @FieldResolver(() => [OrganizationType], { description: 'Organisations concerned (with their subtrees); empty = all.' })
  async organizations(@Root() r: MandatoryTrainingRule, @Ctx() ctx: Context) {
    const orgs = await ctx.services.organizations.byIds(r.organizationIds);
    return r.organizationIds.map((id) => orgs.get(id)).filter((x) => !!x);
  }

  @FieldResolver(() => CourseType, { nullable: true, description: 'The course that satisfies it (or null when it is a category).' })
  course(@Root() r: MandatoryTrainingRule, @Ctx() ctx: Context) {
    return r.course ? ctx.services.catalog.courseById(r.course.id) : null;
  }

  @FieldResolver(() => CategoryType, { nullable: true, description: 'The category whose courses satisfy it (or null when it is a course).' })
  category(@Root() r: MandatoryTrainingRule, @Ctx() ctx: Context) {
    return r.category ? ctx.services.catalog.categoryById(r.category.id) : null;
  }

  @FieldResolver(() => [CourseType], { description: 'Active courses that satisfy it (at most 50, by title).' })
  satisfyingCourses(@Root() r: MandatoryTrainingRule, @Ctx() ctx: Context) {
    return ctx.services.certifications.satisfyingCourses(r.id);
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => MandatoryTrainingRuleCreatePayload, { description: 'Adds a mandatory training rule. Institute administrators.' })
  mandatoryTrainingRuleCreate(@Ctx() ctx: Context, @Arg('input', () => MandatoryTrainingRuleCreateInput) input: MandatoryTrainingRuleCreateInput) {
    return mutationPayload(ctx.scope, MandatoryTrainingRuleCreateErrorCode, async () => ({ rule: await ctx.services.certifications.createRule(input) }), { rule: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => MandatoryTrainingRuleUpdatePayload, { description: 'Changes a mandatory training rule (or reactivates it). Institute administrators.' })
  mandatoryTrainingRuleUpdate(@Ctx() ctx: Context, @Arg('input', () => MandatoryTrainingRuleUpdateInput) input: MandatoryTrainingRuleUpdateInput) {
    return mutationPayload(ctx.scope, MandatoryTrainingRuleUpdateErrorCode, async () => ({ rule: await ctx.services.certifications.updateRule(input.id, input) }), { rule: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => MandatoryTrainingRuleDeactivatePayload, { description: 'Deactivates a rule: it stops applying and is kept for history. Institute administrators.' })
  mandatoryTrainingRuleDeactivate(@Ctx() ctx: Context, @Arg('input', () => MandatoryTrainingRuleDeactivateInput) input: MandatoryTrainingRuleDeactivateInput) {
    return mutationPayload(ctx.scope, MandatoryTrainingRuleDeactivateErrorCode, async () => ({ rule: await ctx.services.certifications.deactivateRule(input.id) }), { rule: null });
  }
}

@Resolver(() => MandatoryTrainingStatus)
export class MandatoryTrainingStatusResolver {
  @FieldResolver(() => MandatoryTrainingRuleType, { description: 'The rule.' })
  async rule(@Root() s: MandatoryTrainingStatus, @Ctx() ctx: Context) {
    return (await ctx.services.certifications.ruleById(s.ruleId))!;
  }

  @FieldResolver(() => [CourseType], { description: 'Active courses that satisfy the rule (at most 50, by title).' })
  satisfyingCourses(@Root() s: MandatoryTrainingStatus, @Ctx() ctx: Context) {
    return ctx.services.certifications.satisfyingCourses(s.ruleId);
  }
}

@Resolver(() => MandatoryTrainingOverdueEntry)
export class MandatoryTrainingOverdueEntryResolver {
  @FieldResolver(() => ServantType, { nullable: true, description: 'The servant.' })
  servant(@Root() e: MandatoryTrainingOverdueEntry, @Ctx() ctx: Context) {
    return ctx.services.servants.byId(e.servantId);
  }

  @FieldResolver(() => [MandatoryTrainingStatus], { description: 'The overdue rules.' })
  overdue(@Root() e: MandatoryTrainingOverdueEntry, @Ctx() ctx: Context) {
    return ctx.services.certifications.overdueOf(e.servantId, e.year);
  }
}

@Resolver(() => CertificationProgramType)
export class CertificationProgramResolver {
  @Authorized()
  @Query(() => CertificationProgramConnection, { description: 'Certification programmes by name. Any signed-in viewer.' })
  certificationPrograms(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Also deactivated programmes.' }) includeInactive: boolean,
  ) {
    return ctx.services.certifications.listPrograms(args, includeInactive);
  }

  @FieldResolver(() => CertificationRequirements, { description: 'What it asks for.' })
  requirements(@Root() p: CertificationProgram): CertificationRequirements {
    return Object.assign(new CertificationRequirements(), { programId: p.id, totalCredits: p.totalCredits, windowMonths: p.windowMonths ?? null, validityMonths: p.validityMonths ?? null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CertificationProgramCreatePayload, { description: 'Adds a certification programme. Institute administrators.' })
  certificationProgramCreate(@Ctx() ctx: Context, @Arg('input', () => CertificationProgramCreateInput) input: CertificationProgramCreateInput) {
    return mutationPayload(ctx.scope, CertificationProgramCreateErrorCode, async () => ({ program: await ctx.services.certifications.createProgram(input) }), { program: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CertificationProgramUpdatePayload, { description: 'Changes a programme (or reactivates it). Institute administrators.' })
  certificationProgramUpdate(@Ctx() ctx: Context, @Arg('input', () => CertificationProgramUpdateInput) input: CertificationProgramUpdateInput) {
    return mutationPayload(ctx.scope, CertificationProgramUpdateErrorCode, async () => ({ program: await ctx.services.certifications.updateProgram(input.id, input) }), { program: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CertificationProgramDeactivatePayload, { description: 'Deactivates a programme: no new awards; awarded certifications stay valid. Institute administrators.' })
  certificationProgramDeactivate(@Ctx() ctx: Context, @Arg('input', () => CertificationProgramDeactivateInput) input: CertificationProgramDeactivateInput) {
    return mutationPayload(ctx.scope, CertificationProgramDeactivateErrorCode, async () => ({ program: await ctx.services.certifications.deactivateProgram(input.id) }), { program: null });
  }
}

@Resolver(() => CertificationRequirements)
export class CertificationRequirementsResolver {
  @FieldResolver(() => [CategoryMinimum], { description: 'Minimum credits per category.' })
  async categoryMinimums(@Root() r: CertificationRequirements, @Ctx() ctx: Context) {
    return (await ctx.services.certifications.requirements(r.programId)).categoryMinimums.map((m) => Object.assign(new CategoryMinimum(), m));
  }

  @FieldResolver(() => [RequiredCourse], { description: 'Courses that must be completed.' })
  async requiredCourses(@Root() r: CertificationRequirements, @Ctx() ctx: Context) {
    return (await ctx.services.certifications.requirements(r.programId)).requiredCourses.map((c) => Object.assign(new RequiredCourse(), c));
  }
}

@Resolver(() => CategoryMinimum)
export class CategoryMinimumResolver {
  @FieldResolver(() => CategoryType, { description: 'The category (its subcategories count too).' })
  async category(@Root() m: CategoryMinimum, @Ctx() ctx: Context) {
    return (await ctx.services.catalog.categoryById(m.categoryId))!;
  }
}

@Resolver(() => RequiredCourse)
export class RequiredCourseResolver {
  @FieldResolver(() => CourseType, { nullable: true, description: 'The course, when it is in the catalogue.' })
  course(@Root() c: RequiredCourse, @Ctx() ctx: Context) {
    return c.courseId ? ctx.services.catalog.courseById(c.courseId) : null;
  }
}

@Resolver(() => CertificationType)
export class CertificationResolver {
  @FieldResolver(() => CertificationProgramType, { description: 'The programme.' })
  async program(@Root() c: Certification, @Ctx() ctx: Context) {
    return (await ctx.services.certifications.programById(c.program.id))!;
  }

  @FieldResolver(() => ServantType, { nullable: true, description: 'The holder (null if the viewer may not see them).' })
  servant(@Root() c: Certification, @Ctx() ctx: Context) {
    return ctx.services.servants.byId(c.servant.id);
  }

  @FieldResolver(() => CertificationState, { description: 'VALID, EXPIRED or REVOKED now.' })
  status(@Root() c: Certification) {
    return certificationState(c.revokedAt ?? null, c.expiresAt ?? null);
  }

  @FieldResolver(() => String, { description: 'Path of the printable PDF certificate on this API server (public, by verification code).' })
  certificateUrl(@Root() c: Certification) {
    return `/certificates/${c.verificationCode}.pdf`;
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Query(() => CertificationConnection, {
    description:
      'Who is awarded: certifications whose holder is in the viewer\'s scope (every servant for institute administrators, their subtree for organisation administrators), newest award first. Reads are logged.',
  })
  certificationsAwarded(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Args(() => AwardedFilterArgs) filter: AwardedFilterArgs,
  ) {
    return ctx.services.certifications.awarded(filter, args);
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Query(() => String, {
    description:
      'The same list as CSV, one line per certification (UTF-8 with BOM, CRLF, Korean headers: 기관, 부서, 사번, 성명, 직급, 직렬, 인증, 회차, 인증일, 만료일, 인정학점, 확인코드, 상태 (유효/만료/취소); dates in Korea time), for Excel. Same scope and filters as certificationsAwarded.',
  })
  async certificationsAwardedCsv(
    @Ctx() ctx: Context,
    @Args(() => AwardedFilterArgs) filter: AwardedFilterArgs,
  ) {
    const rows = await ctx.services.certifications.awardedRows(filter);
    return toCsv(
      AWARDED_CSV_HEADER,
      rows.map((r) => [
        r.organization,
        r.department ?? '',
        r.employee_number,
        r.name,
        `${r.grade}급`,
        r.job_series,
        r.program_name,
        r.cycle,
        kstDate(new Date(r.awarded_at)),
        r.expires_at ? kstDate(new Date(r.expires_at)) : '',
        r.credits_counted,
        r.verification_code,
        STATE_WORDS[certificationState(r.revoked_at ? new Date(r.revoked_at) : null, r.expires_at ? new Date(r.expires_at) : null)],
      ]),
    );
  }

  @Query(() => CertificateVerification, {
    nullable: true,
    description: 'Public (no sign-in): checks a verification code. Reveals only the holder\'s name, the programme and the dates; null for an unknown code.',
  })
  async certificateVerify(@Ctx() ctx: Context, @Arg('code', { description: 'The 16-character code printed on the certificate (spaces, hyphens and case ignored).' }) code: string) {
    const v = await ctx.services.certifications.verify(code);
    return v ? Object.assign(new CertificateVerification(), { holderName: v.holderName, programName: v.programName, awardedAt: v.awardedAt, expiresAt: v.expiresAt, status: v.status }) : null;
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => CertificationEvaluatePayload, {
    description:
      'Awards every certification now earned by one servant in scope, or by every servant in scope. Safe to repeat and to run concurrently: a certification is awarded once per cycle. Awards also happen when credits are recorded. Administrators.',
  })
  certificationEvaluate(@Ctx() ctx: Context, @Arg('input', () => CertificationEvaluateInput) input: CertificationEvaluateInput) {
    return mutationPayload(ctx.scope, CertificationEvaluateErrorCode, async () => ({ awarded: await ctx.services.certifications.evaluateByAdmin(input.servantId) }), { awarded: [] });
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN, Role.REPORTER)
  @Subscription(() => CertificationAwardedEvent, {
    topics: Topics.CERTIFICATION_AWARDED,
    description:
      'Certifications awarded, on any API process. Institute administrators and reporters receive every award; organisation administrators those of their subtree. The certification (and its holder) is only given to viewers who may see the holder.',
    filter: ({ payload, context }: SubscriptionHandlerData<CertificationAwardedPayload, unknown, Context>) => awardsInScope(payload, context).length > 0,
  })
  async certificationAwarded(@Root() payload: CertificationAwardedPayload, @Ctx() ctx: Context): Promise<CertificationAwardedEvent> {
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    const awards = awardsInScope(payload, ctx);
    const rows = await ctx.scope.em
      .getConnection()
      .execute<{ id: number; awarded_at: Date; organization_id: number }[]>(
        `select c.id, c.awarded_at, s.organization_id from certification c join servant s on s.id = c.servant_id where c.id = any(?::int[])`,
        [pgArray(awards.map((a) => a.certificationId))],
      );
    const by = new Map(rows.map((r) => [Number(r.id), r]));
    return {
      awards: awards
        .filter((a) => by.has(a.certificationId))
        .map((a) =>
          Object.assign(new CertificationAward(), {
            certificationId: a.certificationId,
            programId: a.programId,
            servantId: a.servantId,
            organizationId: Number(by.get(a.certificationId)!.organization_id),
            awardedAt: new Date(by.get(a.certificationId)!.awarded_at),
          }),
        ),
    };
  }
}

function awardsInScope(payload: CertificationAwardedPayload, ctx: Context): CertificationAwardedPayload['awards'] {
  const v = ctx.scope.viewer;
  if (!v) return [];
  if (v.roles.includes(Role.INSTITUTE_ADMIN) || v.roles.includes(Role.REPORTER)) return payload.awards;
  if (v.roles.includes(Role.ORG_ADMIN) && v.scope) return payload.awards.filter((a) => a.path.startsWith(v.scope!.path));
  return [];
}

@Resolver(() => CertificationAward)
export class CertificationAwardResolver {
  @FieldResolver(() => CertificationProgramType, { description: 'The programme.' })
  async program(@Root() a: CertificationAward, @Ctx() ctx: Context) {
    return (await ctx.services.certifications.programById(a.programId))!;
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The holder\'s organisation (province, city or county).' })
  organization(@Root() a: CertificationAward, @Ctx() ctx: Context) {
    return ctx.services.organizations.byId(a.organizationId);
  }

  @FieldResolver(() => CertificationType, { nullable: true, description: 'The certification, when the viewer may see its holder (not for reporters).' })
  async certification(@Root() a: CertificationAward, @Ctx() ctx: Context) {
    const c = (await ctx.services.certifications.certificationsByIds([a.certificationId])).get(a.certificationId) ?? null;
    await flushAccessLog(ctx.scope.em, ctx.scope);
    return c;
  }
}

@Resolver(() => CertificationProgress)
export class CertificationProgressResolver {
  @FieldResolver(() => CertificationProgramType, { description: 'The programme.' })
  async program(@Root() p: CertificationProgress, @Ctx() ctx: Context) {
    return (await ctx.services.certifications.programById(p.programId))!;
  }

  @FieldResolver(() => CertificationType, { nullable: true, description: 'The certification of this programme the servant holds now (valid), if any.' })
  async certification(@Root() p: CertificationProgress, @Ctx() ctx: Context) {
    if (!p.certificationId) return null;
    return (await ctx.services.certifications.certificationsByIds([p.certificationId])).get(p.certificationId) ?? null;
  }
}

function toProgress(p: ProgressValue & { missingText: string[] }): CertificationProgress {
  return Object.assign(new CertificationProgress(), {
    programId: p.programId,
    servantId: p.servantId,
    certificationId: p.heldCertificationId,
    creditsCounted: p.credits,
    creditsRequired: p.required,
    percent: p.percent,
    complete: p.complete,
    missing: p.missingText,
  });
}

@Resolver(() => ServantType)
export class ServantCertificationResolver {
  @FieldResolver(() => [MandatoryTrainingStatus], {
    description: 'Each applicable mandatory training rule in a year with DONE / DUE / OVERDUE, computed from the credit ledger. The servant and administrators in scope (logged).',
  })
  mandatoryTraining(@Root() s: Servant, @Ctx() ctx: Context, @Arg('year', () => Int, { nullable: true, description: 'Calendar year (Korea time); default the current one.' }) year?: number) {
    return ctx.services.certifications.mandatoryTraining(s, year ?? kstYear(now()));
  }

  @FieldResolver(() => [CertificationProgress], { description: 'Progress toward every active certification programme, by programme name. The servant and administrators in scope (logged).' })
  async certificationProgress(@Root() s: Servant, @Ctx() ctx: Context) {
    return (await ctx.services.certifications.progress(s)).map(toProgress);
  }

  @FieldResolver(() => [CertificationType], { description: 'Certifications awarded to the servant, newest first (a few per servant). The servant and administrators in scope (logged).' })
  certifications(@Root() s: Servant, @Ctx() ctx: Context) {
    return ctx.services.certifications.certificationsOf(s);
  }

  @FieldResolver(() => String, { description: 'Path of the credit transcript on this API server (append .pdf or .csv; needs the same bearer token).' })
  async transcriptPath(@Root() s: Servant, @Ctx() ctx: Context) {
    await ctx.services.servants.readPersonal(s, PersonalDataAction.READ_EDUCATION);
    return `/transcripts/${toGlobalId('Servant', s.id)}`;
  }
}

/** Every resolver of this module, for the schema. */
export const certificationResolvers = [
  MandatoryTrainingRuleResolver,
  MandatoryTrainingStatusResolver,
  MandatoryTrainingOverdueEntryResolver,
  CertificationProgramResolver,
  CertificationRequirementsResolver,
  CategoryMinimumResolver,
  RequiredCourseResolver,
  CertificationResolver,
  CertificationAwardResolver,
  CertificationProgressResolver,
  ServantCertificationResolver,
] as const;
