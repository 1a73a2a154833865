import type { EssentialTraining, Interaction, RecommendedItem, ServantFeatures, SubjectRecommendation } from '@kok/recommender';
import { now } from '../../common/clock.js';
import { kstYear } from '../../common/kst.js';
import { DomainError } from '../../common/errors.js';
import { decodeIdOf } from '../../common/global-id.js';
import type { RequestScope } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import type { EventPublisher } from '../../events/publisher.js';
import { Topics } from '../../events/topics.js';
import { Role } from '../account/account.entity.js';
import type { CertificationService } from '../certification/certification.service.js';
import { MandatoryTrainingState } from '../certification/certification.types.js';
import { Servant } from '../servant/servant.entity.js';
import { PersonalDataAction, type ServantService } from '../servant/servant.service.js';
import { RecommendationFeedbackKind } from './recommendation.entity.js';
import type { RecommenderHost } from './recommender.host.js';
import { gradeBand } from './snapshot.loader.js';

/** Mandatory trainings pinned above the ranking. */
export const MAX_PINNED_ESSENTIALS = 3;

export interface RecommendationValue extends RecommendedItem {
  offeringId: number | null;
}

/**
 * Recommendations for a servant, from the in-memory model of this process: due and overdue
 * mandatory training first (from the credit bank's rules), then the strategy's ranking, with
 * the servant's latest feedback applied at answer time.
 */
export class RecommendationService {
  constructor(
    private readonly scope: RequestScope,
    private readonly host: RecommenderHost,
    private readonly servants: ServantService,
    private readonly certifications: CertificationService,
    private readonly events: EventPublisher,
  ) {}

  /** The servant as the model should see them now (consented interests, current post). */
  private profile(s: Servant): ServantFeatures {
    return {
      id: String(s.id),
      organization: String(s.organization.id),
      department: s.department ? String(s.department.id) : undefined,
      jobSeries: s.jobSeries,
      gradeBand: gradeBand(s.grade),
      interests: s.interests,
      hobbies: s.hobbies,
    };
  }

  private async recentFeedback(servantId: number): Promise<Interaction[]> {
    const rows = await this.scope.em
      .getConnection()
      .execute<{ course_id: number; kind: string; created_at: Date }[]>(`select course_id, kind, created_at from recommendation_feedback where servant_id = ?`, [servantId]);
    return rows.map((r) => ({
      servantId: String(servantId),
      courseId: String(r.course_id),
      kind: r.kind === RecommendationFeedbackKind.INTERESTED ? 'FEEDBACK_INTERESTED' : 'FEEDBACK_NOT_INTERESTED',
      at: new Date(r.created_at),
    }));
  }

  /**
   * The most urgent due or overdue mandatory trainings of this KST year (overdue first, then by
   * due date), with the courses that satisfy each rule. At most three are pinned, so that a
   * servant with many yearly duties still sees the subjects chosen for them.
   */
  private async essential(servant: Servant): Promise<EssentialTraining[]> {
    const year = kstYear(now());
    const statuses = await this.certifications.mandatoryTraining(servant, year);
    const open = statuses
      .filter((s) => s.status !== MandatoryTrainingState.DONE)
      .sort((a, b) => Number(b.status === MandatoryTrainingState.OVERDUE) - Number(a.status === MandatoryTrainingState.OVERDUE) || a.dueDate.localeCompare(b.dueDate))
      .slice(0, MAX_PINNED_ESSENTIALS);
    return Promise.all(
      open.map(async (s) => {
        const rule = await this.certifications.ruleById(s.ruleId);
        const courses = await this.certifications.satisfyingCourses(s.ruleId);
        return {
          ruleName: rule?.name ?? '',
          courseIds: courses.map((c) => String(c.id)),
          dueDate: s.dueDate,
          status: s.status === MandatoryTrainingState.OVERDUE ? ('OVERDUE' as const) : ('DUE' as const),
        };
      }),
    );
  }

  /** Offerings of the recommended courses in a round (the given one, else the current open one). */
  private async offeringsIn(roundGid: string | null | undefined, courseIds: number[]): Promise<Map<number, number>> {
    if (!courseIds.length) return new Map();
    const roundId = roundGid ? decodeIdOf('EnrollmentRound', roundGid, ['roundId']) : null;
    const rows = await this.scope.em.getConnection().execute<{ course_id: number; id: number }[]>(
      `select distinct on (o.course_id) o.course_id, o.id from course_offering o join enrollment_round r on r.id = o.round_id
       where o.course_id = any(?::int[]) and o.status = 'SCHEDULED' and ${roundId ? 'r.id = ?' : `r.status = 'OPEN'`}
       order by o.course_id, o.starts_at`,
      roundId ? [pgArray(courseIds), roundId] : [pgArray(courseIds)],
    );
    return new Map(rows.map((r) => [Number(r.course_id), Number(r.id)]));
  }

  /** Ranked courses with reasons (the servant and administrators in scope; logged). */
  async recommend(servant: Servant, first: number, roundGid?: string | null): Promise<RecommendationValue[]> {
    await this.servants.readPersonal(servant, PersonalDataAction.READ_RECOMMENDATIONS);
    const k = Math.min(Math.max(first, 0), 50);
    const model = await this.host.model();
    const items = model.strategy.recommend(this.profile(servant), {
      k,
      essential: await this.essential(servant),
      recentInteractions: await this.recentFeedback(servant.id),
    });
    const offerings = await this.offeringsIn(roundGid, items.map((i) => Number(i.courseId)));
    return items.map((i) => ({ ...i, offeringId: offerings.get(Number(i.courseId)) ?? null }));
  }

  /** Categories and tags worth exploring. */
  async subjects(servant: Servant, first: number): Promise<SubjectRecommendation[]> {
    await this.servants.readPersonal(servant, PersonalDataAction.READ_RECOMMENDATIONS);
    const model = await this.host.model();
    return model.strategy.recommendSubjects(this.profile(servant), { k: Math.min(Math.max(first, 0), 20), recentInteractions: await this.recentFeedback(servant.id) });
  }

  /** Stores the viewer's reaction to a course; the next answer takes it into account. */
  async feedback(courseGid: string, kind: RecommendationFeedbackKind): Promise<number> {
    const v = this.scope.requireViewer();
    if (!v.servantId || !v.roles.includes(Role.SERVANT)) throw DomainError.badInput('NOT_A_SERVANT', 'NOT_A_SERVANT');
    const courseId = decodeIdOf('Course', courseGid, ['input', 'courseId']);
    const [row] = await this.scope.em.getConnection().execute<{ id: number }[]>(
      `insert into recommendation_feedback (servant_id, course_id, kind) select ?, c.id, ? from course c where c.id = ?
       on conflict (servant_id, course_id) do update set kind = excluded.kind, created_at = now() returning course_id as id`,
      [v.servantId, kind, courseId],
    );
    if (!row) throw DomainError.badInput('COURSE_NOT_FOUND', 'COURSE_NOT_FOUND', {}, ['input', 'courseId']);
    return courseId;
  }

  /** Refits this process's model now and asks every other process to do the same. */
  async refit(): Promise<{ fittedAt: Date | null; strategy: string }> {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN)) throw DomainError.forbidden();
    await this.host.refit();
    this.scope.afterCommit(() => this.events.publishAsync(Topics.RECOMMENDER_REFIT, { origin: this.host.instanceId }));
    return this.host.status;
  }
}
