import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, type ValidationRule, getNamedType, isLeafType, isListType, getNullableType } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/connection.js';
import type { Config } from '../config/config.js';
import { type Locale, t } from '../i18n/messages.js';

/**
 * The same limits guard HTTP and WebSocket operations, before any resolver runs:
 * tokens (at parse time), depth, aliases and directives (validation rules from
 * graphql-armor), and cost (connections multiply their children's cost by `first`/`last`,
 * which are themselves capped at 100).
 */
export function limitValidationRules(limits: Config['limits']): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: 20 },
    // Tokens are limited by the parser (parseOptions.maxTokens), cost by costOf() below.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}

function pageSizeError(arg: string, locale: Locale): GraphQLError {
  return new GraphQLError(t('PAGE_SIZE_LIMIT', locale, { arg, max: MAX_PAGE_SIZE }), { extensions: { code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_LIMIT' } });
}

/** Connections cost `1 + n × child`; other objects `1 + child`; scalars nothing. */
function estimator(locale: Locale): ComplexityEstimator {
  return ({ args, field, type, childComplexity }) => {
    for (const arg of ['first', 'last'] as const) {
      const v = args[arg];
      if (v != null && (typeof v !== 'number' || v < 0 || v > MAX_PAGE_SIZE)) throw pageSizeError(arg, locale);
    }
    const named = getNamedType(field.type);
    if (isLeafType(named)) return 0;
    if (named.name.endsWith('Connection')) {
      const n = (args.first as number | undefined) ?? (args.last as number | undefined) ?? DEFAULT_PAGE_SIZE;
      return 1 + n * childComplexity;
    }
    if (Array.isArray(args.ids)) return 1 + args.ids.length * childComplexity;
    // A connection's edges are already counted by its `first`/`last`.
    if (field.name === 'edges' && type.name.endsWith('Connection')) return 1 + childComplexity;
    // Plain lists (work history, education) are short by design; count them as five items.
    if (isListType(getNullableType(field.type))) return 1 + 5 * childComplexity;
    return 1 + childComplexity;
  };
}

/** Throws a GraphQLError when the operation costs more than the limit or asks for too large a page. */
export function assertCostWithinLimit(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  maxCost: number,
  locale: Locale,
): number {
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [estimator(locale)] });
  } catch (e) {
    // Computing the cost coerces the variables first: a bad variable is the client's error.
    if (e instanceof GraphQLError && !e.extensions?.code) throw new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } });
    throw e;
  }
  if (cost > maxCost) {
    throw new GraphQLError(t('QUERY_TOO_COSTLY', locale, { actual: cost, max: maxCost }), { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost } });
  }
  return cost;
}

/** Apollo plugin: the cost check runs after validation and before execution. */
export function costPlugin(maxCost: number, localeOf: (ctx: unknown) => Locale): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          assertCostWithinLimit(schema, document, request.variables, request.operationName, maxCost, localeOf(contextValue));
        },
      };
    },
  };
}
