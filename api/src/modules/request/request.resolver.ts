import { Resolver } from 'type-graphql';

/** Request and demand queries, mutations and subscriptions. */
@Resolver()
export class RequestResolver {}
