import { graphql } from '../../graphql';

/** One page of the servants list (server-side paging, sorting and filtering). */
export const ServantsQuery = graphql(`
  query ServantsList($first: Int!, $after: String, $filter: ServantFilterInput, $orderBy: ServantOrderInput) {
    servants(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          employeeNumber
          name
          jobSeries
          grade
          position
          hireDate
          organization {
            id
            name
          }
          department {
            id
            name
          }
        }
      }
    }
  }
`);

/** Choices for the organisation filter. */
export const OrganizationOptionsQuery = graphql(`
  query OrganizationOptions($search: String) {
    organizations(first: 30, filter: { search: $search }) {
      edges {
        node {
          id
          name
          kind
          parent {
            name
          }
        }
      }
    }
  }
`);

/** A servant's profile: work history, education, interests. Reading it is logged by the API. */
export const ServantProfileQuery = graphql(`
  query ServantProfile($id: ID!) {
    node(id: $id) {
      __typename
      ... on Servant {
        id
        name
        employeeNumber
        jobSeries
        grade
        position
        hireDate
        email
        phone
        consentGivenAt
        interests
        hobbies
        organization {
          id
          name
        }
        department {
          id
          name
        }
        assignments {
          id
          position
          duties
          startedOn
          endedOn
          organization {
            id
            name
          }
          department {
            id
            name
          }
        }
        educationRecords {
          id
          title
          provider
          category
          hours
          completedOn
          source
        }
      }
    }
  }
`);
