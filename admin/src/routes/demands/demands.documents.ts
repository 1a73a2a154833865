import { graphql } from '../../graphql';

/** The board: demands, most requesters first (the API's default order). */
export const DemandsQuery = graphql(`
  query DemandBoard($first: Int!, $after: String, $filter: DemandFilterInput) {
    demands(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          label
          status
          requesterCount
          thresholdReachedAt
          category {
            id
            name
          }
        }
      }
    }
  }
`);

/** One demand: its requests, linked courses and similar existing courses. */
export const DemandDetailQuery = graphql(`
  query DemandDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Demand {
        id
        label
        status
        requesterCount
        declineReason
        category {
          id
          name
        }
        courses {
          id
          code
          title
        }
        requests(first: 100) {
          totalCount
          edges {
            node {
              id
              title
              description
              createdAt
              preferredFormat
              preferredMonth
              servant {
                id
                name
                organization {
                  id
                  name
                }
              }
            }
          }
        }
        similarCourses(first: 5) {
          score
          course {
            id
            code
            title
            lengthMinutes
          }
        }
      }
    }
  }
`);

export const DemandDecline = graphql(`
  mutation DemandDecline($input: DemandDeclineInput!) {
    demandDecline(input: $input) {
      demand {
        id
        status
        declineReason
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const DemandMerge = graphql(`
  mutation DemandMerge($input: DemandMergeInput!) {
    demandMerge(input: $input) {
      demand {
        id
        requesterCount
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const DemandSplit = graphql(`
  mutation DemandSplit($input: DemandSplitInput!) {
    demandSplit(input: $input) {
      demand {
        id
        requesterCount
      }
      newDemand {
        id
        label
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CourseCreateFromDemand = graphql(`
  mutation CourseCreateFromDemand($input: CourseCreateFromDemandInput!) {
    courseCreateFromDemand(input: $input) {
      course {
        id
        title
      }
      demand {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Categories for the pickers (a small tree, flattened on screen). */
export const CategoriesQuery = graphql(`
  query CategoryOptions {
    categories {
      id
      name
      parent {
        id
        name
      }
    }
  }
`);
