import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { DateTimeScalar } from '../../common/scalars.js';
import { CourseOfferingStatus, EnrollmentRoundStatus, EnrollmentStatus } from './round.entity.js';

registerEnumType(EnrollmentRoundStatus, {
  name: 'EnrollmentRoundStatus',
  description: 'Life cycle of a monthly round.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared: offerings can be added, changed and removed.' },
    OPEN: { description: 'Registration window running.' },
    CLOSED: { description: 'Registration closed; the rule of five has been applied.' },
  },
});
registerEnumType(CourseOfferingStatus, {
  name: 'CourseOfferingStatus',
  description: 'Life cycle of an offering.',
  valuesConfig: {
    SCHEDULED: { description: 'Taking registrations (or in a draft round).' },
    CONFIRMED: { description: 'Reached its minimum when registration closed: it takes place.' },
    CANCELLED: { description: 'Below its minimum when registration closed: discontinued.' },
    COMPLETED: { description: 'Took place; attendance recorded.' },
  },
});
registerEnumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'Life cycle of a registration.',
  valuesConfig: {
    REGISTERED: { description: 'Has a seat; waiting for the round to close.' },
    WAITLISTED: { description: 'Offering full; promoted in order when a seat frees.' },
    CONFIRMED: { description: 'The offering opened: the seat is confirmed.' },
    CANCELLED_BY_SERVANT: { description: 'Cancelled by the servant.' },
    CANCELLED_COURSE_DISCONTINUED: { description: 'The offering was discontinued (fewer registrants than its minimum).' },
    ATTENDED: { description: 'Attended, completion not yet decided.' },
    COMPLETED: { description: 'Completed: earns credits.' },
    NO_SHOW: { description: 'Did not attend.' },
  },
});

@ObjectType('EnrollmentRound', { implements: NodeInterface, description: 'One month\'s enrollment cycle. Readable by every signed-in viewer; changed by institute administrators.' })
export class EnrollmentRoundType extends NodeInterface {
  @Field({ description: 'Month in Korea time, e.g. 2026-12.' })
  month!: string;
  @Field(() => DateTimeScalar, { description: 'Registration opens.' })
  opensAt!: Date;
  @Field(() => DateTimeScalar, { description: 'Registration closes (exclusive).' })
  closesAt!: Date;
  @Field(() => EnrollmentRoundStatus, { description: 'DRAFT, OPEN or CLOSED.' })
  status!: EnrollmentRoundStatus;
  @Field(() => Int, { description: 'Default minimum registrants of its offerings (the rule of five).' })
  minimumRegistrants!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was closed.' })
  closedAt!: Date | null;
}

@ObjectType({ description: 'What closing a round decided.' })
export class RoundOutcome {
  @Field(() => Int, { description: 'Offerings that reached their minimum and take place.' })
  confirmedOfferings!: number;
  @Field(() => Int, { description: 'Offerings discontinued for lack of registrants.' })
  cancelledOfferings!: number;
  @Field(() => Int, { description: 'Servants whose registration was confirmed.' })
  confirmedRegistrations!: number;
  @Field(() => Int, { description: 'Registrations cancelled because their offering was discontinued (each registrant was told).' })
  discontinuedRegistrations!: number;
}

@ObjectType('CourseOffering', { implements: NodeInterface, description: 'A course scheduled in a round: what servants register for. Readable by every signed-in viewer.' })
export class CourseOfferingType extends NodeInterface {
  @Field(() => DateTimeScalar, { description: 'Start of the lecture.' })
  startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'End of the lecture.' })
  endsAt!: Date;
  @Field(() => String, { nullable: true, description: 'Room or venue (in-person lectures).' })
  place!: string | null;
  @Field(() => String, { nullable: true, description: 'Link (online lectures).' })
  onlineUrl!: string | null;
  @Field(() => Int, { description: 'Seats.' })
  capacity!: number;
  @Field(() => String, { nullable: true, description: 'Instructor.' })
  instructorName!: string | null;
  @Field(() => CourseOfferingStatus, { description: 'SCHEDULED, CONFIRMED, CANCELLED or COMPLETED.' })
  status!: CourseOfferingStatus;
}

@ObjectType('Enrollment', { implements: NodeInterface, description: 'One servant\'s registration in one offering. Visible to the servant and to administrators in scope.' })
export class EnrollmentType extends NodeInterface {
  @Field(() => EnrollmentStatus, { description: 'Where the registration stands.' })
  status!: EnrollmentStatus;
  @Field(() => DateTimeScalar, { description: 'When the servant registered.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of rounds.' })
export class EnrollmentRoundConnection extends ConnectionType(EnrollmentRoundType, 'EnrollmentRound') {}
@ObjectType({ description: 'A page of offerings.' })
export class CourseOfferingConnection extends ConnectionType(CourseOfferingType, 'CourseOffering') {}
@ObjectType({ description: 'A page of registrations.' })
export class EnrollmentConnection extends ConnectionType(EnrollmentType, 'Enrollment') {}
