import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { globalIdOf, loadNodes, NodeInterface } from '../common/node.js';
import { MAX_PAGE_SIZE } from '../common/connection.js';
import { DomainError } from '../common/errors.js';
import type { Context } from './context.js';

@Resolver(() => NodeInterface)
export class NodeResolver {
  @Authorized()
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'Fetches any object by global id, with the same authorisation as every other path: null when it does not exist or the viewer may not see it.',
  })
  async node(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    const [n] = await loadNodes(ctx, [id]);
    return n;
  }

  @Authorized()
  @Query(() => [NodeInterface], { nullable: 'items', description: 'Fetches up to 100 objects by global id (null for each one not visible).' })
  nodes(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]) {
    if (ids.length > MAX_PAGE_SIZE) throw DomainError.badInput('PAGE_SIZE_LIMIT', 'PAGE_SIZE_LIMIT', { arg: 'ids', max: MAX_PAGE_SIZE }, ['ids']);
    return loadNodes(ctx, ids);
  }

  @FieldResolver(() => ID)
  id(@Root() node: { id: number }) {
    return globalIdOf(node);
  }
}
