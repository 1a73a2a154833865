import type { Knex } from '@mikro-orm/postgresql';
import { pgArray } from '../../common/sql.js';
import { SETTING_DEFAULTS } from '../../modules/catalog/platform-settings.service.js';
import { groupSequentially } from '../../modules/request/demand-matcher.js';
import { DEMO_REQUESTS, DEMO_SUPPORTS, DEMO_SYNONYM_GROUPS } from './demo-requests.js';

/** Requests are dated from here, a few hours apart, so that lists have a stable, plausible order. */
const FIRST_REQUEST_AT = Date.parse('2026-11-02T09:00:00+09:00');
const REQUEST_SPACING_MS = 7 * 3600_000;

/**
 * Seeds demo synonym groups, training requests, their demands and a few "me too" backings,
 * set-based. Runs after the catalogue seed (categories by name, courses as matching
 * background); grouping uses the same matcher and threshold as `trainingRequestSubmit`, so the
 * demo shows what the API would have built. Does nothing when demands exist already.
 */
export async function seedRequests(trx: Knex.Transaction): Promise<void> {
  const { rows: existing } = await trx.raw<{ rows: { n: string }[] }>('select count(*) as n from demand');
  if (Number(existing[0].n) > 0) return;
  const { rows: servantRows } = await trx.raw<{ rows: { id: number }[] }>('select id from servant order by id');
  const servants = servantRows.map((r) => Number(r.id));
  if (servants.length < DEMO_REQUESTS.length + 10) return;
  const { rows: courseRows } = await trx.raw<{ rows: { text: string }[] }>(
    `select title || ' ' || array_to_string(tags, ' ') || ' ' || description as text from course where status = 'ACTIVE' order by id`,
  );

  await trx.raw(`insert into synonym_group (terms) select string_to_array(t, '|') from unnest(?::text[]) with ordinality as u(t, ord) order by ord`, [
    pgArray(DEMO_SYNONYM_GROUPS.map((g) => g.join('|'))),
  ]);

  const grouping = groupSequentially(DEMO_REQUESTS, SETTING_DEFAULTS.demandGroupingThreshold, {
    synonyms: DEMO_SYNONYM_GROUPS,
    background: courseRows.map((c) => c.text),
  });
  // The first two requests come from the demo personas 김민준 and 이서연, so their logins show the flow.
  const authorOf = (i: number) => (i < 2 ? servants[i] : servants[4 + i]);
  const at = (i: number) => new Date(FIRST_REQUEST_AT + i * REQUEST_SPACING_MS).toISOString();
  const supporters = DEMO_SUPPORTS.flatMap((s, k) => {
    const demand = grouping.demands.findIndex((d) => DEMO_REQUESTS[d.members[0]].topic === s.topic);
    return Array.from({ length: s.count }, (_, j) => ({ demand, servant: servants[4 + DEMO_REQUESTS.length + 5 * k + j], at: at(DEMO_REQUESTS.length + 2 * k + j) }));
  }).filter((s) => s.demand >= 0);
  const minimum = SETTING_DEFAULTS.demandMinimumRequesters;

  const demands = grouping.demands.map((d, index) => {
    const first = DEMO_REQUESTS[d.members[0]];
    const count = d.members.length + supporters.filter((s) => s.demand === index).length;
    // Reached the minimum when its fifth requester arrived (requests and backings in time order).
    const times = [...d.members.map(at), ...supporters.filter((s) => s.demand === index).map((s) => s.at)].sort();
    return { label: d.label, category: first.category, createdAt: at(d.members[0]), thresholdAt: count >= minimum ? times[minimum - 1] : null };
  });
  const { rows: demandRows } = await trx.raw<{ rows: { id: number; label: string }[] }>(
    `insert into demand (label, category_id, created_at, updated_at, threshold_reached_at)
     select t.label, c.id, t.created_at, t.created_at, t.threshold_at
     from unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) with ordinality as t(label, category, created_at, threshold_at, ord)
     left join category c on c.name = t.category
     order by t.ord
     returning id, label`,
    [pgArray(demands.map((d) => d.label)), pgArray(demands.map((d) => d.category)), pgArray(demands.map((d) => d.createdAt)), pgArray(demands.map((d) => d.thresholdAt))],
  );
  const demandId = new Map(demandRows.map((r) => [r.label, Number(r.id)]));
  const idOf = (index: number) => demandId.get(grouping.demands[index].label)!;

  await trx.raw(
    `insert into training_request (servant_id, title, description, category_id, preferred_format, preferred_month, demand_id, created_at)
     select t.servant_id, t.title, t.description, c.id, t.format, t.month, t.demand_id, t.created_at
     from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::timestamptz[]) with ordinality
       as t(servant_id, title, description, category, format, month, demand_id, created_at, ord)
     left join category c on c.name = t.category
     order by t.ord`,
    [
      pgArray(DEMO_REQUESTS.map((_, i) => authorOf(i))),
      pgArray(DEMO_REQUESTS.map((r) => r.title)),
      pgArray(DEMO_REQUESTS.map((r) => r.description)),
      pgArray(DEMO_REQUESTS.map((r) => r.category)),
      pgArray(DEMO_REQUESTS.map((r) => r.format)),
      pgArray(DEMO_REQUESTS.map((r) => r.month)),
      pgArray(DEMO_REQUESTS.map((_, i) => idOf(grouping.demandOf[i]))),
      pgArray(DEMO_REQUESTS.map((_, i) => at(i))),
    ],
  );
  await trx.raw(
    `insert into demand_support (demand_id, servant_id, created_at) select * from unnest(?::int[], ?::int[], ?::timestamptz[])`,
    [pgArray(supporters.map((s) => idOf(s.demand))), pgArray(supporters.map((s) => s.servant)), pgArray(supporters.map((s) => s.at))],
  );
}
