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
