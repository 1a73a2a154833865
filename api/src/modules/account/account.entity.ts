import { ArrayType, Check, Entity, ManyToOne, OneToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity.js';
import { Servant } from '../servant/servant.entity.js';

export enum Role {
  SERVANT = 'SERVANT',
  ORG_ADMIN = 'ORG_ADMIN',
  INSTITUTE_ADMIN = 'INSTITUTE_ADMIN',
  REPORTER = 'REPORTER',
}

/** A login. An ORG_ADMIN account is always tied to the organisation whose subtree it manages. */
@Entity({ tableName: 'account' })
@Check({ name: 'account_roles_known', expression: `roles <@ array['SERVANT','ORG_ADMIN','INSTITUTE_ADMIN','REPORTER']::text[] and cardinality(roles) > 0` })
@Check({ name: 'account_org_admin_scope', expression: `not ('ORG_ADMIN' = any(roles)) or organization_id is not null` })
@Check({ name: 'account_servant_link', expression: `not ('SERVANT' = any(roles)) or servant_id is not null` })
export class Account {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  /** argon2id hash; null for accounts that only sign in through OIDC. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Property({ type: ArrayType, columnType: 'text[]' })
  roles!: Role[];

  @ManyToOne(() => Organization, { nullable: true, deleteRule: 'restrict' })
  organization?: Rel<Organization> | null;

  @OneToOne(() => Servant, { nullable: true, deleteRule: 'set null', owner: true, unique: true })
  servant?: Rel<Servant> | null;

  @Property({ type: 'int', default: 0 })
  failedLoginCount: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A signed-in session; the JWT carries its id, so revoking the row ends the token at once. */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Account, { deleteRule: 'cascade', index: true })
  account!: Rel<Account>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;
}

/** Values the platform generates once and shares between API processes (e.g. a dev JWT key). */
@Entity({ tableName: 'system_secret' })
export class SystemSecret {
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'text', hidden: true })
  value!: string;
}
