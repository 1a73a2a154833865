import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Query, Resolver, Root, registerEnumType, ID } from 'type-graphql';
import { DomainError } from '../../common/errors.js';
import { toGlobalId } from '../../common/global-id.js';
import type { Viewer } from '../../common/request-scope.js';
import { DateTimeScalar } from '../../common/scalars.js';
import { mutationPayload, UserErrorType } from '../../common/user-errors.js';
import { type SessionRevokedPayload, Topics } from '../../events/topics.js';
import type { Context } from '../../graphql/context.js';
import { OrganizationType } from '../organization/organization.types.js';
import { ServantType } from '../servant/servant.types.js';
import { Role } from './account.entity.js';

registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do.',
  valuesConfig: {
    SERVANT: { description: 'A public servant: their own profile, requests and registrations.' },
    ORG_ADMIN: { description: 'Administrator of one organisation and its subtree.' },
    INSTITUTE_ADMIN: { description: 'Administrator of the training institute: everything.' },
    REPORTER: { description: 'Read-only statistics and subscriptions; no personal data.' },
  },
});

@ObjectType('Viewer', { description: 'The signed-in account.' })
export class ViewerType {
  @Field(() => ID, { description: 'Global id of the account.' })
  id!: string;
  @Field({ description: 'Sign-in e-mail.' })
  email!: string;
  @Field({ description: 'Name to display.' })
  displayName!: string;
  @Field(() => [Role], { description: 'Roles of the account.' })
  roles!: Role[];
}

@InputType({ description: 'Credentials of a built-in account.' })
export class SessionCreateInput {
  @Field({ description: 'E-mail (case-insensitive).' })
  email!: string;
  @Field({ description: 'Password.' })
  password!: string;
}

export const SessionCreateErrorCode = { INVALID_CREDENTIALS: 'INVALID_CREDENTIALS', ACCOUNT_LOCKED: 'ACCOUNT_LOCKED' } as const;
export const SessionCreateError = UserErrorType('SessionCreateError', SessionCreateErrorCode);

@ObjectType({ description: 'Result of sessionCreate.' })
export class SessionCreatePayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for the `Authorization` header (HTTP) or `connection_init` payload (WebSocket).' })
  token!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the token stops working.' })
  expiresAt!: Date | null;
  @Field(() => ViewerType, { nullable: true, description: 'The signed-in account.' })
  viewer!: Viewer | null;
  @Field(() => [SessionCreateError], { description: 'Why sign-in failed; empty on success.' })
  userErrors!: InstanceType<typeof SessionCreateError>[];
}

@InputType({ description: 'Ends the current session.' })
export class SessionRevokeInput {
  @Field(() => Boolean, { nullable: true, description: 'Reserved; the current session is always the one revoked.' })
  confirm?: boolean | null;
}

export const SessionRevokeErrorCode = { NO_SESSION: 'NO_SESSION' } as const;
export const SessionRevokeError = UserErrorType('SessionRevokeError', SessionRevokeErrorCode);

@ObjectType({ description: 'Result of sessionRevoke.' })
export class SessionRevokePayload {
  @Field({ description: 'Whether a session was ended.' })
  revoked!: boolean;
  @Field(() => [SessionRevokeError], { description: 'Why nothing was revoked; empty on success.' })
  userErrors!: InstanceType<typeof SessionRevokeError>[];
}

@Resolver(() => ViewerType)
export class AccountResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in account, or null when not signed in.' })
  viewer(@Ctx() ctx: Context): Viewer | null {
    return ctx.scope.viewer;
  }

  @FieldResolver(() => ID, { description: 'Global id of the account.' })
  id(@Root() v: Viewer) {
    return toGlobalId('Account', v.accountId);
  }

  @FieldResolver(() => ServantType, { nullable: true, description: 'For a servant account, their servant record.' })
  async servant(@Root() v: Viewer, @Ctx() ctx: Context) {
    return v.servantId ? ctx.services.servants.byId(v.servantId) : null;
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'For an organisation administrator, the organisation whose subtree they manage.' })
  organization(@Root() v: Viewer, @Ctx() ctx: Context) {
    return v.scope ? ctx.services.organizations.byId(v.scope.organizationId) : null;
  }

  @Mutation(() => SessionCreatePayload, { description: 'Signs in with e-mail and password. Five failures in a row lock the account for 15 minutes.' })
  sessionCreate(@Ctx() ctx: Context, @Arg('input', () => SessionCreateInput) input: SessionCreateInput) {
    return mutationPayload(
      ctx.scope,
      SessionCreateErrorCode,
      async () => {
        const r = await ctx.deps.auth.signIn(input.email, input.password, ctx.scope.ip);
        return { token: r.token, expiresAt: r.expiresAt, viewer: r.viewer };
      },
      { token: null, expiresAt: null, viewer: null },
    );
  }

  @Authorized()
  @Mutation(() => SessionRevokePayload, { description: 'Signs out: the current token is refused from the next request on.' })
  sessionRevoke(@Ctx() ctx: Context, @Arg('input', () => SessionRevokeInput, { nullable: true }) _input?: SessionRevokeInput) {
    return mutationPayload(
      ctx.scope,
      SessionRevokeErrorCode,
      async () => {
        const sessionId = ctx.scope.viewer?.sessionId;
        if (!sessionId) throw DomainError.badInput('NO_SESSION', 'SESSION_INVALID');
        await ctx.deps.auth.revoke(sessionId);
        // Open WebSocket subscriptions of this session, on every API process, are closed.
        ctx.scope.afterCommit(() => ctx.deps.pubsub.publishAsync(Topics.SESSION_REVOKED, { sessionId } satisfies SessionRevokedPayload));
        return { revoked: true };
      },
      { revoked: false },
    );
  }
}
