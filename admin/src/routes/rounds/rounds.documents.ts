import { graphql } from '../../graphql';

/** The numbers of an offering that change while a round is open; the live event carries the same. */
export const OfferingCountsFields = graphql(`
  fragment OfferingCounts on CourseOffering {
    id
    registrantCount
    waitlistCount
    seatsLeft
    willOpen
    status
  }
`);

export const RoundsQuery = graphql(
  `
    query EnrollmentRoundsList {
      enrollmentRounds(first: 12) {
        totalCount
        edges {
          node {
            id
            month
            status
            opensAt
            closesAt
            minimumRegistrants
            outcome {
              confirmedOfferings
              cancelledOfferings
              confirmedRegistrations
              discontinuedRegistrations
            }
            offerings(first: 100) {
              totalCount
              edges {
                node {
                  id
                  startsAt
                  endsAt
                  place
                  onlineUrl
                  instructorName
                  capacity
                  minimumRegistrants
                  course {
                    id
                    code
                    title
                    format
                    lengthMinutes
                  }
                  eligibleOrganizations {
                    id
                    name
                  }
                  ...OfferingCounts
                }
              }
            }
          }
        }
      }
    }
  `,
  [OfferingCountsFields],
);

/** Registrations, cancellations, promotions and closes, from any API process. */
export const EnrollmentCountSubscription = graphql(
  `
    subscription EnrollmentCountsLive {
      enrollmentCountChanged {
        round {
          id
        }
        offerings {
          ...OfferingCounts
        }
      }
    }
  `,
  [OfferingCountsFields],
);

export const RoundStatusSubscription = graphql(`
  subscription RoundStatusLive {
    enrollmentRoundStatusChanged {
      status
      round {
        id
      }
    }
  }
`);

/** Who registered for one offering (administrators see their scope; reporters see counts only). */
export const OfferingEnrollmentsQuery = graphql(`
  query OfferingEnrollments($id: ID!) {
    node(id: $id) {
      __typename
      ... on CourseOffering {
        id
        registrantCount
        waitlistCount
        enrollments(first: 100) {
          totalCount
          edges {
            node {
              id
              status
              createdAt
              waitlistPosition
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
      }
    }
  }
`);

export const EnrollmentRoundCreate = graphql(`
  mutation EnrollmentRoundCreate($input: EnrollmentRoundCreateInput!) {
    enrollmentRoundCreate(input: $input) {
      round {
        id
        month
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const EnrollmentRoundOpen = graphql(`
  mutation EnrollmentRoundOpen($input: EnrollmentRoundIdInput!) {
    enrollmentRoundOpen(input: $input) {
      round {
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

export const EnrollmentRoundClose = graphql(`
  mutation EnrollmentRoundClose($input: EnrollmentRoundIdInput!) {
    enrollmentRoundClose(input: $input) {
      round {
        id
        status
      }
      outcome {
        confirmedOfferings
        cancelledOfferings
        confirmedRegistrations
        discontinuedRegistrations
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CourseOfferingCreate = graphql(`
  mutation CourseOfferingCreate($input: CourseOfferingCreateInput!) {
    courseOfferingCreate(input: $input) {
      offering {
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

export const CourseOfferingUpdate = graphql(`
  mutation CourseOfferingUpdate($input: CourseOfferingUpdateInput!) {
    courseOfferingUpdate(input: $input) {
      offering {
        id
        minimumRegistrants
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CourseOfferingRemove = graphql(`
  mutation CourseOfferingRemove($input: CourseOfferingRemoveInput!) {
    courseOfferingRemove(input: $input) {
      removedOfferingId
      userErrors {
        code
        field
        message
      }
    }
  }
`);
