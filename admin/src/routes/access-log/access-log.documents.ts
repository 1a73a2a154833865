import { graphql } from '../../graphql';

/** One page of the personal-data access log, newest first (institute administrators only). */
export const AccessLogQuery = graphql(`
  query AccessLogPage($first: Int!, $after: String, $filter: PersonalDataAccessLogFilter) {
    personalDataAccessLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          operation
          ip
          reason
          actorRoles
          actor {
            accountId
            displayName
            email
          }
          subject {
            id
            name
            employeeNumber
          }
        }
      }
    }
  }
`);

/** The filtered log as CSV; the API records the export with its reason. */
export const AccessLogExportQuery = graphql(`
  query AccessLogExport($filter: PersonalDataAccessLogFilter, $reason: String!) {
    personalDataAccessLogExport(filter: $filter, reason: $reason)
  }
`);
