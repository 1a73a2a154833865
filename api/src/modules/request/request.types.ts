import { Arg, Args, Ctx, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { DateTimeScalar } from '../../common/scalars.js';
import type { Context } from '../../graphql/context.js';
import { CourseFormat } from '../catalog/catalog.entity.js';
import { CategoryType, CourseType } from '../catalog/catalog.types.js';
import { ServantType } from '../servant/servant.types.js';
import { OrderDirection } from '../servant/servant.types.js';
import { DemandStatus, TrainingRequestStatus } from './request.entity.js';
import { DemandOrderField } from './request.service.js';

registerEnumType(DemandStatus, {
  name: 'DemandStatus',
  description: 'Where a demand stands.',
  valuesConfig: {
    OPEN: { description: 'Gathering requests and backers; new similar requests join it.' },
    PLANNED: { description: 'A course was created for it.' },
    DECLINED: { description: 'The institute declined it; the reason is on the demand.' },
  },
});
registerEnumType(TrainingRequestStatus, {
  name: 'TrainingRequestStatus',
  description: 'Whether a request still counts.',
  valuesConfig: { OPEN: { description: 'Counts toward its demand.' }, WITHDRAWN: { description: 'Withdrawn by its author; no longer counted.' } },
});

registerEnumType(DemandOrderField, {
  name: 'DemandOrderField',
  description: 'Sort keys for demand lists.',
  valuesConfig: {
    REQUESTER_COUNT: { description: 'By the number of distinct requesters (open requests and backers).' },
    CREATED_AT: { description: 'By creation (the order demands were formed).' },
  },
});

/** Fields the resolvers below read from the Demand entity (the root object). */
interface DemandRow {
  id: number;
  category?: { id: number } | null;
  mergedInto?: { id: number } | null;
}

/**
 * A demand as the API serves it. The root object is the `Demand` entity; fields that need
 * loading are resolved here (type-graphql calls them with the entity's values as `this`) and
 * delegate to RequestService, which applies the viewer's visibility.
 */
@ObjectType('Demand', {
  implements: NodeInterface,
  description:
    'Similar training requests grouped together, counted by person. Readable by every signed-in viewer (label, category, status and counts are not personal data); which requests a viewer sees inside is decided per request (see `requests`).',
})
export class DemandType implements DemandRow {
  id!: number;
  category?: { id: number } | null;
  mergedInto?: { id: number } | null;

  @Field({ description: 'Short name, from the first request\'s title (or given when split).' })
  label!: string;

  @Field(() => DemandStatus, { description: 'OPEN, PLANNED or DECLINED.' })
  status!: DemandStatus;

  @Field(() => String, { nullable: true, description: 'Why it was declined (shown to its requesters); null unless DECLINED.' })
  declineReason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the demand was formed.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it first reached the minimum number of requesters (setting demandMinimumRequesters); never reset.' })
  thresholdReachedAt!: Date | null;

  @Field(() => CategoryType, { name: 'category', nullable: true, description: 'Category (from its first request, when given).' })
  categoryOf(@Ctx() ctx: Context): Promise<CategoryType | null> {
    return this.category ? ctx.services.catalog.categoryById(this.category.id) : Promise.resolve(null);
  }

  @Field(() => DemandType, { name: 'mergedInto', nullable: true, description: 'The demand it was merged into (it then has no requests left); null otherwise.' })
  mergedIntoOf(@Ctx() ctx: Context): Promise<unknown> {
    return this.mergedInto ? ctx.services.requests.demandById(this.mergedInto.id) : Promise.resolve(null);
  }

  @Field(() => Int, { description: 'Distinct servants behind it: authors of its open requests and "me too" backers, each counted once.' })
  requesterCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.requests.requesterCount(this.id);
  }

  @Field(() => TrainingRequestConnection, {
    description:
      'Its open requests, oldest first. Institute and organisation administrators see all of them (authors only within their scope); a servant sees only their own; reporters none.',
  })
  requests(@Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs): Promise<unknown> {
    return ctx.services.requests.requestsOfDemand(this.id, args);
  }

  @Field(() => Boolean, { description: 'Whether the viewer (a servant) backs it with "me too" or has an open request in it.' })
  viewerIsRequester(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.requests.viewerIsRequester(this.id);
  }

  @Field(() => [CourseType], { description: 'Catalogue courses linked to it as answering it (created from it or linked by the institute). A short list.' })
  courses(@Ctx() ctx: Context): Promise<unknown[]> {
    return ctx.services.requests.linkedCourses(this.id);
  }

  @Field(() => [SimilarCourse], { description: 'Active catalogue courses that already cover the topic, found by the same text matching as request grouping, best first; linked courses excluded.' })
  similarCourses(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many (1–20).' }) first: number,
  ): Promise<SimilarCourse[]> {
    return ctx.services.requests.similarCourses(this.id, first);
  }
}

@ObjectType({ description: 'A catalogue course similar to a demand.' })
export class SimilarCourse {
  @Field(() => CourseType, { description: 'The course.' })
  course!: unknown;
  @Field({ description: 'Text similarity in [0, 1] (cosine of the TF-IDF vectors).' })
  score!: number;
}

/** See DemandType: the root is the TrainingRequest entity. */
@ObjectType('TrainingRequest', {
  implements: NodeInterface,
  description:
    'One servant\'s wish for training. Visible to its author, to institute administrators and to organisation administrators (the author only when inside their scope); never to other servants or reporters.',
})
export class TrainingRequestType {
  id!: number;
  servant!: { id: number };
  demand?: { id: number } | null;
  category?: { id: number } | null;

  @Field({ description: 'What to learn.' })
  title!: string;
  @Field({ description: 'Details; may be empty.' })
  description!: string;
  @Field(() => CourseFormat, { nullable: true, description: 'Preferred format.' })
  preferredFormat!: CourseFormat | null;
  @Field(() => String, { nullable: true, description: 'Preferred month (YYYY-MM).' })
  preferredMonth!: string | null;
  @Field(() => TrainingRequestStatus, { description: 'OPEN or WITHDRAWN.' })
  status!: TrainingRequestStatus;
  @Field(() => DateTimeScalar, { description: 'When it was submitted.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was withdrawn.' })
  withdrawnAt!: Date | null;

  @Field(() => ServantType, { name: 'servant', nullable: true, description: 'The author: null when the viewer may not see that servant (organisation administrators outside their scope).' })
  servantOf(@Ctx() ctx: Context): Promise<unknown> {
    return ctx.services.servants.byId(this.servant.id);
  }

  @Field(() => DemandType, { name: 'demand', nullable: true, description: 'The demand it is grouped in.' })
  demandOf(@Ctx() ctx: Context): Promise<unknown> {
    return this.demand ? ctx.services.requests.demandById(this.demand.id) : Promise.resolve(null);
  }

  @Field(() => CategoryType, { name: 'category', nullable: true, description: 'Category chosen by the author.' })
  categoryOf(@Ctx() ctx: Context): Promise<CategoryType | null> {
    return this.category ? ctx.services.catalog.categoryById(this.category.id) : Promise.resolve(null);
  }
}

@ObjectType('SynonymGroup', { implements: NodeInterface, description: 'Terms that mean the same in training requests (엑셀 ↔ 스프레드시트). Readable by every signed-in viewer; edited by institute administrators.' })
export class SynonymGroupType {
  id!: number;
  @Field(() => [String], { description: 'The terms (2–20), in the order entered.' })
  terms!: string[];
  @Field(() => DateTimeScalar, { description: 'Last change.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A page of demands.' })
export class DemandConnection extends ConnectionType(DemandType, 'Demand') {}

@ObjectType({ description: 'A page of training requests.' })
export class TrainingRequestConnection extends ConnectionType(TrainingRequestType, 'TrainingRequest') {}

@ObjectType({ description: 'A page of synonym groups.' })
export class SynonymGroupConnection extends ConnectionType(SynonymGroupType, 'SynonymGroup') {}

@InputType({ description: 'Filters for demand lists; all given conditions must hold. Merged demands are never listed.' })
export class DemandFilterInput {
  @Field(() => DemandStatus, { nullable: true, description: 'Only this status.' })
  status?: DemandStatus | null;
  @Field(() => ID, { nullable: true, description: 'Only demands in this category.' })
  categoryId?: string | null;
  @Field(() => String, { nullable: true, description: 'Words in the label or in an open request\'s title (NFC, case and spacing ignored).' })
  search?: string | null;
}

@InputType({ description: 'Sort order for demand lists (default: most requesters first).' })
export class DemandOrderInput {
  @Field(() => DemandOrderField, { description: 'Sort key.' })
  field!: DemandOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Direction.' })
  direction!: OrderDirection;
}

@ObjectType({ description: 'A servant submitted a training request.' })
export class TrainingRequestSubmittedEvent {
  @Field(() => TrainingRequestType, { nullable: true, description: 'The request (null if no longer visible).' })
  request!: unknown;
  @Field(() => DemandType, { nullable: true, description: 'The demand it joined or started.' })
  demand!: unknown;
}

@ObjectType({ description: 'A demand reached the minimum number of requesters for the first time.' })
export class DemandThresholdReachedEvent {
  @Field(() => DemandType, { nullable: true, description: 'The demand.' })
  demand!: unknown;
  @Field(() => Int, { description: 'Its requester count when the minimum was reached.' })
  requesterCount!: number;
}
