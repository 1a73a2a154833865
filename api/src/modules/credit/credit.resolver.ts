import { Resolver } from 'type-graphql';

/** Credit bank queries, mutations and subscriptions. */
@Resolver()
export class CreditResolver {}
