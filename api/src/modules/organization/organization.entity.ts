import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';

export enum OrganizationKind {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  DEPARTMENT = 'DEPARTMENT',
  AGENCY = 'AGENCY',
}

/**
 * A node of the organisation tree (경기도 → 31 cities and counties → departments). `path` is
 * the materialised list of ancestor ids (`/1/5/`), so "everything under 수원시" is one
 * indexed prefix match instead of a recursive query on every authorisation check.
 */
@Entity({ tableName: 'organization' })
@Check({ name: 'organization_path_shape', expression: `path ~ '^(/[0-9]+)+/$'` })
export class Organization {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => OrganizationKind, nativeEnumName: undefined })
  kind!: OrganizationKind;

  @ManyToOne(() => Organization, { nullable: true, deleteRule: 'restrict' })
  parent?: Rel<Organization> | null;

  @Index({ name: 'organization_path_prefix', expression: 'create index "organization_path_prefix" on "organization" ("path" text_pattern_ops)' })
  @Property({ type: 'text' })
  path!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
