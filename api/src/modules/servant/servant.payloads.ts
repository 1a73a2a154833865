import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ServantType } from './servant.types.js';
import { ServantCreateError, ServantImportError, ServantImportRowErrorCode, ServantProfileUpdateError, ServantUpdateError } from './servant.errors.js';

@ObjectType({ description: 'Result of servantCreate.' })
export class ServantCreatePayload {
  @Field(() => ServantType, { nullable: true, description: 'The new servant; null when refused.' })
  servant!: ServantType | null;
  @Field(() => [ServantCreateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof ServantCreateError>[];
}

@ObjectType({ description: 'Result of servantUpdate.' })
export class ServantUpdatePayload {
  @Field(() => ServantType, { nullable: true, description: 'The servant after the change; null when refused.' })
  servant!: ServantType | null;
  @Field(() => [ServantUpdateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof ServantUpdateError>[];
}

@ObjectType({ description: 'Result of servantProfileUpdate.' })
export class ServantProfileUpdatePayload {
  @Field(() => ServantType, { nullable: true, description: 'The viewer\'s servant record after the change.' })
  servant!: ServantType | null;
  @Field(() => [ServantProfileUpdateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof ServantProfileUpdateError>[];
}

registerEnumType(ServantImportRowErrorCode, { name: 'ServantImportRowErrorCode', description: 'Why a CSV row was skipped.' });

@ObjectType({ description: 'A CSV row that was not imported, and why.' })
export class ServantImportRowError {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' })
  line!: number;
  @Field(() => String, { nullable: true, description: 'Employee number of the row, when readable.' })
  employeeNumber!: string | null;
  @Field(() => ServantImportRowErrorCode, { description: 'Machine-readable reason.' })
  code!: string;
  @Field({ description: 'Reason in the caller\'s language.' })
  message!: string;
  @Field(() => String, { nullable: true, description: 'The column concerned.' })
  column!: string | null;
}

@ObjectType({ description: 'Result of servantImport. Good rows are committed together; bad rows are listed and skipped.' })
export class ServantImportPayload {
  @Field(() => Int, { description: 'Data rows in the file.' })
  totalRows!: number;
  @Field(() => Int, { description: 'Servants created.' })
  createdCount!: number;
  @Field(() => Int, { description: 'Servants whose record changed.' })
  updatedCount!: number;
  @Field(() => Int, { description: 'Rows identical to the stored record.' })
  unchangedCount!: number;
  @Field(() => [ServantImportRowError], { description: 'Rows skipped, in file order.' })
  rowErrors!: ServantImportRowError[];
  @Field(() => [ServantImportError], { description: 'Why the whole file was refused; empty otherwise.' })
  userErrors!: InstanceType<typeof ServantImportError>[];
}
