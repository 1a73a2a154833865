import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';

@InputType({ description: 'A new servant. Administrators only, within their scope.' })
export class ServantCreateInput {
  @Field({ description: 'Employee number: 3–20 upper-case letters and digits.' })
  employeeNumber!: string;
  @Field({ description: 'Full name (≤ 50 characters).' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  email?: string | null;
  @Field(() => String, { nullable: true, description: 'Work phone.' })
  phone?: string | null;
  @Field(() => ID, { description: 'The province, a city or a county.' })
  organizationId!: string;
  @Field(() => ID, { nullable: true, description: 'A department or agency under `organizationId`.' })
  departmentId?: string | null;
  @Field({ description: 'Job series (직렬).' })
  jobSeries!: string;
  @Field(() => Int, { description: 'Grade 1–9.' })
  grade!: number;
  @Field(() => String, { nullable: true, description: 'Position title.' })
  position?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of appointment.' })
  hireDate?: string | null;
}

@InputType({ description: 'Changes to a servant; omitted fields stay as they are. Administrators only, within their scope.' })
export class ServantUpdateInput {
  @Field(() => ID, { description: 'The servant.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'New employee number.' })
  employeeNumber?: string;
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;
  @Field(() => String, { nullable: true, description: 'New e-mail (empty string clears it).' })
  email?: string | null;
  @Field(() => String, { nullable: true, description: 'New phone (empty string clears it).' })
  phone?: string | null;
  @Field(() => ID, { nullable: true, description: 'New organisation; without `departmentId` the department is cleared.' })
  organizationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'New department under the (new or current) organisation.' })
  departmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'New job series.' })
  jobSeries?: string;
  @Field(() => Int, { nullable: true, description: 'New grade.' })
  grade?: number;
  @Field(() => String, { nullable: true, description: 'New position.' })
  position?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'New date of appointment.' })
  hireDate?: string | null;
}

@InputType({ description: 'A servant\'s own optional data. Interests and hobbies need consent; `consent: false` erases them.' })
export class ServantProfileUpdateInput {
  @Field(() => [String], { nullable: true, description: 'Interests (≤ 20 tags of ≤ 30 characters). Replaces the list.' })
  interests?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Hobbies (≤ 20 tags of ≤ 30 characters). Replaces the list.' })
  hobbies?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Consent to the use of optional data; false withdraws it and erases the data.' })
  consent?: boolean | null;
}

@InputType({ description: 'A CSV export of an HR system. Columns (English or Korean headers): employee_number/사번, name/성명, organization_code/기관코드, job_series/직렬, grade/급수 (required); email/이메일, phone/전화번호, department_code/부서코드, position/직위, hire_date/임용일 (optional).' })
export class ServantImportInput {
  @Field({ description: 'The CSV text (UTF-8, header row first, at most 50,000 rows).' })
  csv!: string;
}
