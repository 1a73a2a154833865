import { Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property, type Rel, Unique } from '@mikro-orm/core';
import { Course } from '../catalog/catalog.entity.js';
import { Servant } from '../servant/servant.entity.js';

export enum RecommendationFeedbackKind {
  INTERESTED = 'INTERESTED',
  NOT_INTERESTED = 'NOT_INTERESTED',
}

/** A servant's reaction to a recommended course; the latest one per course counts. */
@Entity({ tableName: 'recommendation_feedback' })
@Unique({ name: 'recommendation_feedback_once', properties: ['servant', 'course'] })
export class RecommendationFeedback {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Servant, { deleteRule: 'cascade' })
  servant!: Rel<Servant>;

  @ManyToOne(() => Course, { deleteRule: 'cascade' })
  course!: Rel<Course>;

  @Enum({ items: () => RecommendationFeedbackKind })
  kind!: RecommendationFeedbackKind;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
