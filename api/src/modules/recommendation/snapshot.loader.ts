import type { EntityManager } from '@mikro-orm/postgresql';
import type { CourseFeatures, Interaction, RecommenderSnapshot, ServantFeatures } from '@kok/recommender';

/** Grade bands rather than exact grades, so small cohorts stay anonymous. */
export function gradeBand(grade: number): string {
  if (grade <= 5) return '5+';
  if (grade <= 7) return '6-7';
  return '8-9';
}

/**
 * Reads everything the recommender is fitted on, in a handful of set-based statements:
 * servants (organisation, department, series, grade band, years, duties, consented interests
 * and hobbies, own request texts, outside training titles), active courses, and interactions
 * (registrations, completions, requests answered by a course, feedback).
 */
export async function loadSnapshot(em: EntityManager, now: Date): Promise<RecommenderSnapshot> {
  const conn = em.getConnection();
  const servants = await conn.execute<{
    id: number;
    org: number;
    dept: number | null;
    job_series: string;
    grade: number;
    hire_date: string | null;
    interests: string[];
    hobbies: string[];
    duties: string | null;
    requests: string[] | null;
    external: string[] | null;
  }[]>(
    `select s.id, s.organization_id as org, s.department_id as dept, s.job_series, s.grade, s.hire_date::text as hire_date,
            s.interests, s.hobbies,
            (select string_agg(distinct a.duties, ', ') from assignment a where a.servant_id = s.id and a.duties <> '') as duties,
            (select array_agg(r.title) from training_request r where r.servant_id = s.id and r.status = 'OPEN') as requests,
            (select array_agg(e.title) from education_record e where e.servant_id = s.id) as external
     from servant s`,
  );
  const courses = await conn.execute<{ id: number; category: string; tags: string[]; title: string; description: string; length_minutes: number; format: string; created_at: Date }[]>(
    `select c.id, cat.name as category, c.tags, c.title, c.description, c.length_minutes, c.format, c.created_at
     from course c join category cat on cat.id = c.category_id where c.status = 'ACTIVE'`,
  );
  const interactions = await conn.execute<{ servant_id: number; course_id: number; kind: Interaction['kind']; at: Date }[]>(
    `select e.servant_id, o.course_id, case when e.status = 'COMPLETED' then 'COMPLETED' else 'REGISTERED' end as kind, e.created_at as at
       from enrollment e join course_offering o on o.id = e.offering_id
      where e.status not in ('CANCELLED_BY_SERVANT')
     union all
     select r.servant_id, cd.course_id, 'REQUESTED', r.created_at from training_request r join course_demand cd on cd.demand_id = r.demand_id where r.status = 'OPEN'
     union all
     select f.servant_id, f.course_id, case when f.kind = 'INTERESTED' then 'FEEDBACK_INTERESTED' else 'FEEDBACK_NOT_INTERESTED' end, f.created_at from recommendation_feedback f`,
  );
  const year = now.getUTCFullYear();
  return {
    now,
    servants: servants.map(
      (s): ServantFeatures => ({
        id: String(s.id),
        organization: String(s.org),
        department: s.dept ? String(s.dept) : undefined,
        jobSeries: s.job_series,
        gradeBand: gradeBand(s.grade),
        yearsOfService: s.hire_date ? Math.max(0, year - Number(s.hire_date.slice(0, 4))) : undefined,
        duties: s.duties ?? undefined,
        interests: s.interests,
        hobbies: s.hobbies,
        requestTexts: s.requests ?? [],
        externalTrainingTitles: s.external ?? [],
      }),
    ),
    courses: courses.map(
      (c): CourseFeatures => ({
        id: String(c.id),
        category: c.category,
        tags: c.tags,
        title: c.title,
        description: c.description,
        lengthMinutes: c.length_minutes,
        format: c.format,
        createdAt: new Date(c.created_at),
      }),
    ),
    interactions: interactions.map((i) => ({ servantId: String(i.servant_id), courseId: String(i.course_id), kind: i.kind, at: new Date(i.at) })),
  };
}
