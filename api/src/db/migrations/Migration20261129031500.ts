import { Migration } from '@mikro-orm/migrations';

/**
 * Hand-written invariants of enrollment: one active registration per servant and offering,
 * and no two active registrations of a servant in overlapping time slots (the pilot runs
 * several subjects in parallel per period), held by the database under any concurrency.
 */
export class Migration20261129031500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`create unique index enrollment_active_once on enrollment (offering_id, servant_id)
      where status in ('REGISTERED', 'WAITLISTED', 'CONFIRMED');`);
    this.addSql(`alter table enrollment add constraint enrollment_no_overlap exclude using gist
      (servant_id with =, tstzrange(starts_at, ends_at) with &&)
      where (status in ('REGISTERED', 'WAITLISTED', 'CONFIRMED'));`);
    this.addSql(`create index enrollment_offering_waitlist on enrollment (offering_id, id) where status = 'WAITLISTED';`);
    this.addSql(`create index training_request_open_demand on training_request (demand_id) where status = 'OPEN';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index training_request_open_demand;`);
    this.addSql(`drop index enrollment_offering_waitlist;`);
    this.addSql(`alter table enrollment drop constraint enrollment_no_overlap;`);
    this.addSql(`drop index enrollment_active_once;`);
  }
}
