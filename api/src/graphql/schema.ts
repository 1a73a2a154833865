import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { AccountResolver } from '../modules/account/account.resolver.js';
import { OrganizationResolver } from '../modules/organization/organization.resolver.js';
import { AssignmentResolver, ServantResolver } from '../modules/servant/servant.resolver.js';
import { authChecker } from './auth-checker.js';
import { domainErrorMiddleware } from './error-middleware.js';
import { NodeResolver } from './node.resolver.js';
import { CatalogResolver } from '../modules/catalog/catalog.resolver.js';
import { RequestResolver } from '../modules/request/request.resolver.js';
import { NotificationResolver, ServantNotificationsResolver } from '../modules/notification/notification.resolver.js';
import { CreditResolver, EnrollmentCompletionResolver } from '../modules/credit/credit.resolver.js';
import { ServantRecommendationsResolver } from '../modules/recommendation/recommendation.resolver.js';
import { certificationResolvers } from '../modules/certification/certification.resolver.js';
import { CourseOfferingResolver, EnrollmentResolver, EnrollmentRoundResolver, ServantEnrollmentsResolver } from '../modules/round/round.resolver.js';
import { AssignmentType, EducationRecordType } from '../modules/servant/servant.types.js';
import { reportingResolvers } from '../modules/reporting/reporting.resolver.js';

/** For printing the schema and tools that never subscribe. */
const noPubSub: PubSub = {
  publish: () => undefined,
  subscribe: () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true as const, value: undefined }) }) }),
};

/** Builds the executable schema; `pubSub` feeds subscriptions (PostgreSQL LISTEN/NOTIFY in the app). */
export function buildAppSchema(pubSub?: PubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [NodeResolver, AccountResolver, OrganizationResolver, ServantResolver, AssignmentResolver, CatalogResolver, RequestResolver, EnrollmentRoundResolver, CourseOfferingResolver, EnrollmentResolver, ServantEnrollmentsResolver, NotificationResolver, ServantNotificationsResolver, CreditResolver, EnrollmentCompletionResolver, ServantRecommendationsResolver, ...certificationResolvers, ...reportingResolvers],
    orphanedTypes: [AssignmentType, EducationRecordType],
    authChecker,
    authMode: 'error',
    globalMiddlewares: [domainErrorMiddleware],
    pubSub: pubSub ?? noPubSub,
    validate: false,
  });
}

/** The committed SDL (`schema/schema.graphql`): sorted so that diffs show real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
