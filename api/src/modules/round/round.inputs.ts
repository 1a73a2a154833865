import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars.js';

@InputType({ description: 'A new monthly round (created as DRAFT).' })
export class EnrollmentRoundCreateInput {
  @Field({ description: 'Month, YYYY-MM (Korea time). One round per month.' })
  month!: string;
  @Field(() => DateTimeScalar, { description: 'Registration opens at.' })
  opensAt!: Date;
  @Field(() => DateTimeScalar, { description: 'Registration closes at (after opensAt).' })
  closesAt!: Date;
  @Field(() => Int, { nullable: true, description: 'Default minimum registrants of its offerings (default 5).' })
  minimumRegistrants?: number | null;
}

@InputType({ description: 'Identifies a round.' })
export class EnrollmentRoundIdInput {
  @Field(() => ID, { description: 'The round.' })
  roundId!: string;
}

@InputType({ description: 'A course scheduled in a draft round.' })
export class CourseOfferingCreateInput {
  @Field(() => ID, { description: 'The draft round.' })
  roundId!: string;
  @Field(() => ID, { description: 'An active course.' })
  courseId!: string;
  @Field(() => DateTimeScalar, { description: 'Start: within the round\'s month, after registration closes.' })
  startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'End: start + the course\'s length.' })
  endsAt!: Date;
  @Field(() => Int, { description: 'Seats (1–10,000).' })
  capacity!: number;
  @Field(() => Int, { nullable: true, description: 'Minimum registrants; default the round\'s.' })
  minimumRegistrants?: number | null;
  @Field(() => String, { nullable: true, description: 'Venue (required in person).' })
  place?: string | null;
  @Field(() => String, { nullable: true, description: 'Link (required online).' })
  onlineUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'Instructor.' })
  instructorName?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Organisations (with their subtrees) whose servants may register; empty or absent = everyone.' })
  eligibleOrganizationIds?: string[] | null;
}

@InputType({ description: 'Changes to an offering of a draft round; omitted fields stay.' })
export class CourseOfferingUpdateInput {
  @Field(() => ID, { description: 'The offering.' })
  id!: string;
  @Field(() => ID, { nullable: true, description: 'Another course.' })
  courseId?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'New start.' })
  startsAt?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'New end.' })
  endsAt?: Date;
  @Field(() => Int, { nullable: true, description: 'New capacity.' })
  capacity?: number;
  @Field(() => Int, { nullable: true, description: 'New minimum (null = the round\'s).' })
  minimumRegistrants?: number | null;
  @Field(() => String, { nullable: true, description: 'New venue.' })
  place?: string | null;
  @Field(() => String, { nullable: true, description: 'New link.' })
  onlineUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'New instructor.' })
  instructorName?: string | null;
  @Field(() => [ID], { nullable: true, description: 'New eligible organisations.' })
  eligibleOrganizationIds?: string[] | null;
}

@InputType({ description: 'Identifies an offering of a draft round to remove.' })
export class CourseOfferingRemoveInput {
  @Field(() => ID, { description: 'The offering.' })
  id!: string;
}

@InputType({ description: 'The viewer registers for an offering.' })
export class EnrollmentCreateInput {
  @Field(() => ID, { description: 'The offering.' })
  offeringId!: string;
}

@InputType({ description: 'The viewer cancels a registration.' })
export class EnrollmentCancelInput {
  @Field(() => ID, { description: 'The registration.' })
  enrollmentId!: string;
}
