import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents. The introspection is generated from ../schema/schema.graphql
 * (`pnpm gql:generate`); `pnpm typecheck` regenerates it and fails when a document no longer
 * matches the schema.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    ID: string;
    /** ISO 8601 instant, e.g. 2026-12-05T01:00:00.000Z */
    DateTime: string;
    /** YYYY-MM-DD, no zone */
    LocalDate: string;
    /** exact decimal as a string, e.g. "1.5" */
    Decimal: string;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
