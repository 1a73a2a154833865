import { Args, Arg, Authorized, Ctx, FieldResolver, InputType, Field, Int, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { decodeIdOf } from '../../common/global-id.js';
import { registerNodeType } from '../../common/node.js';
import type { Context } from '../../graphql/context.js';
import { ServantConnection, ServantFilterInput, ServantOrderInput, OrderDirection } from '../servant/servant.types.js';
import { ServantOrderField } from '../servant/servant.service.js';
import { Organization, OrganizationKind } from './organization.entity.js';
import { OrganizationConnection, OrganizationType } from './organization.types.js';

registerNodeType('Organization', Organization, (ctx, ids) => {
  ctx.scope.requireViewer();
  return (ctx as Context).services.organizations.byIds(ids);
});

@InputType({ description: 'Filters for organisation lists.' })
export class OrganizationFilterInput {
  @Field(() => OrganizationKind, { nullable: true, description: 'Only this level.' })
  kind?: OrganizationKind | null;
  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  search?: string | null;
}

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Authorized()
  @Query(() => OrganizationConnection, { description: 'Organisations by administrative code. Any signed-in viewer.' })
  organizations(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => OrganizationFilterInput, { nullable: true }) filter?: OrganizationFilterInput,
  ) {
    return ctx.services.organizations.list(args, filter ?? {});
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'Parent organisation; null for 경기도.' })
  parent(@Root() org: Organization, @Ctx() ctx: Context) {
    return org.parent ? ctx.services.organizations.byId(org.parent.id) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Direct sub-organisations.' })
  children(
    @Root() org: Organization,
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => OrganizationFilterInput, { nullable: true }) filter?: OrganizationFilterInput,
  ) {
    return ctx.services.organizations.children(org.id, args, filter ?? {});
  }

  @FieldResolver(() => ServantConnection, {
    description: 'Servants anywhere in this subtree that the viewer may see (administrators in scope; a servant sees only themselves; reporters no one).',
  })
  servants(
    @Root() org: Organization,
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ServantFilterInput, { nullable: true }) filter?: ServantFilterInput,
    @Arg('orderBy', () => ServantOrderInput, { nullable: true }) orderBy?: ServantOrderInput,
  ) {
    return ctx.services.servants.inOrganization(
      org.id,
      {
        organizationId: filter?.organizationId ? decodeIdOf('Organization', filter.organizationId, ['filter', 'organizationId']) : null,
        jobSeries: filter?.jobSeries,
        grade: filter?.grade,
        search: filter?.search,
      },
      args,
      { field: orderBy?.field ?? ServantOrderField.NAME, direction: orderBy?.direction ?? OrderDirection.ASC },
    );
  }

  @FieldResolver(() => Int, { description: 'Number of servants in this subtree that the viewer may see.' })
  servantCount(@Root() org: Organization, @Ctx() ctx: Context) {
    return ctx.services.servants.countInOrganization(org.id);
  }
}
