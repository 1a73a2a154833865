import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, Subscription, registerEnumType, type SubscriptionHandlerData } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection.js';
import { DomainError } from '../../common/errors.js';
import { decodeIdOf } from '../../common/global-id.js';
import { NodeInterface, registerNodeType } from '../../common/node.js';
import { DateTimeScalar } from '../../common/scalars.js';
import { mutationPayload, UserErrorType } from '../../common/user-errors.js';
import { type NotificationReceivedPayload, Topics } from '../../events/topics.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import { ServantType } from '../servant/servant.types.js';
import { Servant } from '../servant/servant.entity.js';
import { Notification, NotificationKind } from './notification.entity.js';
import { renderNotification } from './notification.messages.js';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification is about.' });

// Only the servant themselves reads their notifications.
registerNodeType('Notification', Notification, async (ctx, ids) => {
  const servantId = ctx.scope.viewer?.servantId;
  if (!servantId) return new Map();
  const rows = await ctx.scope.em.find(Notification, { id: { $in: ids }, servant: servantId });
  return new Map(rows.map((n) => [n.id, n]));
});

@ObjectType('Notification', { implements: NodeInterface, description: 'An in-app message to a servant, in the reader\'s language. Only the servant reads it.' })
export class NotificationType extends NodeInterface {
  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind!: NotificationKind;
  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was marked read; null while unread.' })
  readAt!: Date | null;
}

@ObjectType({ description: 'A page of notifications.' })
export class NotificationConnection extends ConnectionType(NotificationType, 'Notification') {}

@InputType({ description: 'Marks the viewer\'s notifications read.' })
export class NotificationMarkReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications; absent = all of the viewer\'s unread ones.' })
  ids?: string[] | null;
}

export const NotificationMarkReadErrorCode = { INVALID_ID: 'INVALID_ID', NOT_A_SERVANT: 'NOT_A_SERVANT' } as const;
export const NotificationMarkReadError = UserErrorType('NotificationMarkReadError', NotificationMarkReadErrorCode);

@ObjectType({ description: 'Result of notificationMarkRead.' })
export class NotificationMarkReadPayload {
  @Field(() => Int, { description: 'How many were marked read.' })
  markedCount!: number;
  @Field(() => [NotificationMarkReadError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'The viewer received notifications.' })
export class NotificationReceivedEvent {
  @Field(() => Int, { description: 'The viewer\'s unread count now.' })
  unreadCount!: number;
  @Field(() => NotificationConnection, { description: 'The newest notifications (up to 10).' })
  latest!: unknown;
}

@Resolver(() => NotificationType)
export class NotificationResolver {
  @FieldResolver(() => String, { description: 'Title in the reader\'s language.' })
  title(@Root() n: Notification, @Ctx() ctx: Context) {
    return renderNotification(n.kind, ctx.scope.locale, n.params).title;
  }

  @FieldResolver(() => String, { description: 'Text in the reader\'s language.' })
  body(@Root() n: Notification, @Ctx() ctx: Context) {
    return renderNotification(n.kind, ctx.scope.locale, n.params).body;
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => NotificationMarkReadPayload, { description: 'Marks the viewer\'s notifications read (others\' ids are ignored).' })
  notificationMarkRead(@Ctx() ctx: Context, @Arg('input', () => NotificationMarkReadInput) input: NotificationMarkReadInput) {
    return mutationPayload(
      ctx.scope,
      NotificationMarkReadErrorCode,
      async () => {
        const servantId = ctx.scope.viewer?.servantId;
        if (!servantId) throw DomainError.badInput('NOT_A_SERVANT', 'NOT_A_SERVANT');
        const ids = input.ids ? input.ids.map((g, i) => decodeIdOf('Notification', g, ['input', 'ids', String(i)])) : null;
        return { markedCount: await ctx.services.notifications.markRead(servantId, ids) };
      },
      { markedCount: 0 },
    );
  }

  @Authorized(Role.SERVANT)
  @Subscription(() => NotificationReceivedEvent, {
    topics: Topics.NOTIFICATION_RECEIVED,
    description: 'The viewer\'s own new notifications, from any API process.',
    filter: ({ payload, context }: SubscriptionHandlerData<NotificationReceivedPayload, unknown, Context>) =>
      !!context.scope.viewer?.servantId && payload.servantIds.includes(context.scope.viewer.servantId),
  })
  async notificationReceived(@Root() _payload: NotificationReceivedPayload, @Ctx() ctx: Context): Promise<NotificationReceivedEvent> {
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    const servantId = ctx.scope.viewer!.servantId!;
    return { unreadCount: await ctx.services.notifications.unreadCount(servantId), latest: await ctx.services.notifications.list(servantId, { first: 10 }, false) };
  }
}

@Resolver(() => ServantType)
export class ServantNotificationsResolver {
  @FieldResolver(() => NotificationConnection, { nullable: true, description: 'The servant\'s notifications, newest first. Only the servant themselves (null for anyone else).' })
  notifications(
    @Root() s: Servant,
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false, description: 'Only unread ones.' }) unreadOnly: boolean,
  ) {
    if (ctx.scope.viewer?.servantId !== s.id) return null;
    return ctx.services.notifications.list(s.id, args, unreadOnly);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Unread notifications. Only the servant themselves (null for anyone else).' })
  unreadNotificationCount(@Root() s: Servant, @Ctx() ctx: Context) {
    if (ctx.scope.viewer?.servantId !== s.id) return null;
    return ctx.services.notifications.unreadCount(s.id);
  }
}
