/**
 * Mandatory-training status of every applicable active rule for the servants selected by
 * `filter` (alias `s`) in a year, as one statement ending in the relation `st` (and `sv`,
 * which here also carries the servant's top-level organisation).
 *
 * This mirrors `mandatoryStatusSql` in certification/certification.service.ts, which that
 * module does not export (and this module must not change). The e2e test
 * `reporting.e2e-spec.ts` cross-checks the figures against the certification module's own
 * `mandatoryTrainingOverdue` list, so a rule change there that is not copied here fails a
 * test. Once certification exports its SQL, import it and delete this copy.
 * Parameters: year, today, then the filter's.
 */
export function mandatoryStatusSql(filter: string): string {
  return `with recursive cat_cover(root, id) as (
      select id, id from category
      union all
      select cc.root, c.id from category c join cat_cover cc on c.parent_id = cc.id
    ),
    prm as (select ?::int as y, ?::date as today),
    sv as (
      select s.id, s.grade, s.job_series, s.hire_date, u.path, s.organization_id
      from servant s join organization u on u.id = coalesce(s.department_id, s.organization_id)
      where ${filter}
    ),
    app as (
      select sv.id as servant_id, r.id as rule_id, r.hours, r.frequency, r.course_id, r.category_id,
             replace(r.topic_keyword, ' ', '') as keyword, prm.y, prm.today,
             case when r.frequency = 'ONCE_WITHIN_MONTHS' then sv.hire_date else make_date(prm.y, 1, 1) end as period_start,
             case when r.frequency = 'ONCE_WITHIN_MONTHS' then (sv.hire_date + make_interval(months => r.within_months))::date
                  else make_date(prm.y, 12, 31) end as due
      from sv cross join prm join mandatory_training_rule r on r.active
        and sv.grade between coalesce(r.grade_min, 1) and coalesce(r.grade_max, 9)
        and (cardinality(r.job_series) = 0 or sv.job_series = any(r.job_series))
        and (cardinality(r.organization_ids) = 0 or exists (select 1 from organization o where o.id = any(r.organization_ids) and sv.path like o.path || '%'))
        and case r.trigger
              when 'NONE' then true
              when 'NEW_APPOINTMENT' then sv.hire_date is not null and sv.hire_date <= make_date(prm.y, 12, 31)
                and (sv.hire_date + make_interval(months => coalesce(r.within_months, 12)))::date >= make_date(prm.y, 1, 1)
              else false
            end
    ),
    ent as (
      select t.servant_id, t.course_id, t.category_id, t.occurred_on,
             case when t.hours > 0 then t.hours else coalesce(round(c.length_minutes / 60.0, 2), 0) end as hours,
             replace(coalesce(c.title, t.subject_title, ''), ' ', '') as title_ns, coalesce(c.tags, '{}') as tags
      from credit_transaction t left join course c on c.id = t.course_id
      where t.servant_id in (select id from sv) and t.kind in ('EARNED', 'RECOGNIZED')
        and not exists (select 1 from credit_transaction r where r.reverses_id = t.id)
    ),
    hrs as (
      select a.servant_id, a.rule_id,
             coalesce(sum(e.hours), 0) as h_all,
             coalesce(sum(e.hours) filter (where e.occurred_on <= make_date(a.y, 6, 30)), 0) as h1,
             coalesce(sum(e.hours) filter (where e.occurred_on > make_date(a.y, 6, 30)), 0) as h2
      from app a left join ent e on e.servant_id = a.servant_id and e.occurred_on >= a.period_start
        and (a.frequency = 'ONCE_WITHIN_MONTHS' or e.occurred_on <= a.due)
        and (e.course_id = a.course_id
             or (a.category_id is not null and exists (select 1 from cat_cover cc where cc.root = a.category_id and cc.id = e.category_id)
                 and (a.keyword is null or strpos(e.title_ns, a.keyword) > 0 or a.keyword = any(e.tags))))
      group by a.servant_id, a.rule_id
    ),
    st as (
      select a.servant_id, a.rule_id,
             case when a.frequency = 'TWICE_A_YEAR' then
                    case when h.h1 >= a.hours and h.h2 >= a.hours then 'DONE'
                         when (h.h1 < a.hours and a.today > make_date(a.y, 6, 30)) or a.today > a.due then 'OVERDUE'
                         else 'DUE' end
                  else case when h.h_all >= a.hours then 'DONE' when a.today > a.due then 'OVERDUE' else 'DUE' end
             end as status
      from app a join hrs h on h.servant_id = a.servant_id and h.rule_id = a.rule_id
    )`;
}
