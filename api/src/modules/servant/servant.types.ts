import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '../../common/scalars.js';
import { EducationSource } from './servant.entity.js';
import { ServantOrderField } from './servant.service.js';

registerEnumType(EducationSource, {
  name: 'EducationSource',
  description: 'Where a training record comes from.',
  valuesConfig: { PLATFORM: { description: 'Completed on this platform.' }, EXTERNAL: { description: 'Recorded from elsewhere.' } },
});
registerEnumType(ServantOrderField, { name: 'ServantOrderField', description: 'Sort keys for servant lists.' });

export enum OrderDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Sort direction.' });

@ObjectType('Servant', {
  implements: NodeInterface,
  description:
    'A public servant. Visible to the servant themselves, to organisation administrators whose subtree contains them and to institute administrators; never to reporters. Reads by administrators are recorded in the personal-data access log.',
})
export class ServantType extends NodeInterface {
  @Field({ description: 'Employee number (사번), unique.' })
  employeeNumber!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Job series (직렬), e.g. 행정, 전산. Open-ended: new series are added as data.' })
  jobSeries!: string;

  @Field(() => Int, { description: 'Grade (급), 1 (highest) to 9.' })
  grade!: number;

  @Field({ description: 'Position title, e.g. 주무관, 팀장.' })
  position!: string;
}

@ObjectType('Assignment', { implements: NodeInterface, description: 'One post in a servant\'s work history. Same visibility as the servant\'s personal data.' })
export class AssignmentType extends NodeInterface {
  @Field({ description: 'Position held.' })
  position!: string;

  @Field({ description: 'Duties in free text (used by recommendations).' })
  duties!: string;

  @Field(() => LocalDateScalar, { description: 'First day.' })
  startedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; null for the current post.' })
  endedOn!: string | null;
}

@ObjectType('EducationRecord', { implements: NodeInterface, description: 'A completed training (previous education). Same visibility as the servant\'s personal data.' })
export class EducationRecordType extends NodeInterface {
  @Field({ description: 'Title of the training.' })
  title!: string;

  @Field({ description: 'Who provided it, e.g. 경기도인재개발원.' })
  provider!: string;

  @Field(() => DecimalScalar, { description: 'Learning hours, exact decimal.' })
  hours!: string;

  @Field(() => LocalDateScalar, { description: 'Completion date.' })
  completedOn!: string;

  @Field({ description: 'Category name, e.g. 디지털·AI.' })
  category!: string;

  @Field(() => EducationSource, { description: 'Platform or external record.' })
  source!: EducationSource;
}

@ObjectType({ description: 'A page of servants.' })
export class ServantConnection extends ConnectionType(ServantType, 'Servant') {}

@InputType({ description: 'Filters for servant lists; all conditions must hold.' })
export class ServantFilterInput {
  @Field(() => String, { nullable: true, description: 'Organisation id: servants anywhere in its subtree.' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact job series, e.g. 전산.' })
  jobSeries?: string | null;

  @Field(() => Int, { nullable: true, description: 'Exact grade.' })
  grade?: number | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, or the start of the employee number.' })
  search?: string | null;
}

@InputType({ description: 'Sort order for servant lists (default: by name).' })
export class ServantOrderInput {
  @Field(() => ServantOrderField, { description: 'Sort key.' })
  field!: ServantOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction!: OrderDirection;
}

export { DateTimeScalar };
