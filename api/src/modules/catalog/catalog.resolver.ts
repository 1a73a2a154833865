import { Resolver } from 'type-graphql';

/** Catalogue queries and mutations. */
@Resolver()
export class CatalogResolver {}
