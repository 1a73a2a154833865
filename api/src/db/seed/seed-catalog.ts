import type { Knex } from '@mikro-orm/postgresql';
import { normalizeTitleKey } from '@kok/korean-text';
import { pgArray } from '../../common/sql.js';
import { DEMO_COURSES, type DemoCourse } from './demo-courses.js';

/**
 * Inserts the demo catalogue (150 courses and their learning resources) in two set-based
 * statements. The categories come from migration Migration20261129040000; credit values follow
 * the credits-per-hour setting (default 1) in the same SQL rule as the catalogue service.
 * Codes that exist already are skipped, so a second run adds nothing.
 */
export async function seedCatalog(trx: Knex.Transaction, courses: readonly DemoCourse[] = DEMO_COURSES): Promise<void> {
  const c = courses.map((x) => ({ ...x, title: x.title.normalize('NFC'), description: x.description.normalize('NFC'), tags: x.tags.map((t) => t.normalize('NFC')) }));
  await trx.raw(
    `insert into course (code, title, title_key, description, category_id, tags, length_minutes, credit_value, format, created_at)
     select t.code, t.title, t.title_key, t.description, k.id, coalesce(string_to_array(nullif(t.tags, ''), '|'), '{}'), t.length_minutes,
            round(t.length_minutes * coalesce((select credits_per_hour from credit_policy where year = extract(year from now() at time zone 'Asia/Seoul')), 1) / 60, 2),
            t.format,
            -- A catalogue built up since the 2024 pilot (deterministic): only the last few are new.
            timestamptz '2024-03-01 09:00+09' + (t.ord - 1) * interval '6 days'
     from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::text[]) with ordinality
       as t(code, title, title_key, description, category_code, tags, length_minutes, format, ord)
     join category k on k.code = t.category_code
     order by t.ord
     on conflict (code) do nothing`,
    [
      pgArray(c.map((x) => x.code)),
      pgArray(c.map((x) => x.title)),
      pgArray(c.map((x) => normalizeTitleKey(x.title))),
      pgArray(c.map((x) => x.description)),
      pgArray(c.map((x) => x.categoryCode)),
      pgArray(c.map((x) => x.tags.join('|'))),
      pgArray(c.map((x) => x.lengthMinutes)),
      pgArray(c.map((x) => x.format)),
    ],
  );
  const r = c.flatMap((x) => x.resources.map((res) => ({ code: x.code, ...res })));
  await trx.raw(
    `insert into learning_resource (course_id, title, url, provider, kind)
     select co.id, t.title, t.url, t.provider, t.kind
     from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as t(code, title, url, provider, kind, ord)
     join course co on co.code = t.code
     where not exists (select 1 from learning_resource lr where lr.course_id = co.id)
     order by t.ord`,
    [pgArray(r.map((x) => x.code)), pgArray(r.map((x) => x.title)), pgArray(r.map((x) => x.url)), pgArray(r.map((x) => x.provider)), pgArray(r.map((x) => x.kind))],
  );
}
