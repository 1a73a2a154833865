import { Resolver } from 'type-graphql';

/** Mandatory training and certification queries, mutations and subscriptions. */
@Resolver()
export class CertificationResolver {}
