import { graphql } from '../../graphql';

/** Servants to choose from (search by name or employee number). */
export const CreditServantOptionsQuery = graphql(`
  query CreditServantOptions($search: String) {
    servants(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
          employeeNumber
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

export const CreditLedgerEntryFields = graphql(`
  fragment CreditLedgerEntryFields on CreditTransaction {
    id
    kind
    amount
    hours
    occurredOn
    recordedAt
    reason
    subjectTitle
    evidence
    category {
      id
      name
    }
    course {
      id
      title
    }
    reverses {
      id
      occurredOn
      subjectTitle
    }
    reversedBy {
      id
    }
  }
`);

/** One servant's ledger (newest first) and balance. Reading it is logged by the API. */
export const CreditLedgerQuery = graphql(
  `
    query CreditLedger($id: ID!, $first: Int!, $after: String) {
      node(id: $id) {
        __typename
        ... on Servant {
          id
          name
          employeeNumber
          organization {
            id
            name
          }
          creditSummary {
            balance
            earnedThisYear
          }
          creditTransactions(first: $first, after: $after) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                ...CreditLedgerEntryFields
              }
            }
          }
        }
      }
    }
  `,
  [CreditLedgerEntryFields],
);

/** Categories for recognised credits and rules. */
export const CategoryOptionsQuery = graphql(`
  query CategoryOptions {
    categories {
      id
      name
      parent {
        id
      }
    }
  }
`);

export const CreditRecordMutation = graphql(`
  mutation CreditRecord($input: CreditTransactionRecordInput!) {
    creditTransactionRecord(input: $input) {
      transaction {
        id
        amount
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CreditReverseMutation = graphql(`
  mutation CreditReverse($input: CreditTransactionReverseInput!) {
    creditTransactionReverse(input: $input) {
      transaction {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Offerings of recent rounds, for the attendance upload. */
export const AttendanceOfferingsQuery = graphql(`
  query AttendanceOfferings {
    enrollmentRounds(first: 6) {
      edges {
        node {
          id
          month
          offerings(first: 100) {
            edges {
              node {
                id
                status
                startsAt
                endsAt
                course {
                  id
                  title
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const AttendanceImportMutation = graphql(`
  mutation AttendanceImport($input: AttendanceImportInput!) {
    attendanceImport(input: $input) {
      totalRows
      recordedCount
      completedCount
      rowErrors {
        line
        employeeNumber
        code
        message
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
