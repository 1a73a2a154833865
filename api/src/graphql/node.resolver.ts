import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { globalIdOf, loadNodes, NodeInterface } from '../common/node.js';
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
    return loadNodes(ctx, ids.slice(0, 100));
  }

  @FieldResolver(() => ID)
  id(@Root() node: { id: number }) {
    return globalIdOf(node);
  }
}
