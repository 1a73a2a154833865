import { graphql } from '../../graphql';

/** Registration figures of an offering that change live (the event carries the same fields). */
export const DashboardOfferingFields = graphql(`
  fragment DashboardOffering on CourseOffering {
    id
    capacity
    registrantCount
    status
  }
`);

/** Everything the dashboard shows, in one request (each report is one SQL statement in the API). */
export const DashboardQuery = graphql(
  `
    query Dashboard($month: String!, $year: Int!, $from: LocalDate!, $to: LocalDate!) {
      currentEnrollmentRound {
        id
        month
        status
        opensAt
        closesAt
        minimumRegistrants
        offerings(first: 100) {
          totalCount
          edges {
            node {
              ...DashboardOffering
            }
          }
        }
      }
      demandFunnel(month: $month) {
        month
        requests
        demands
        plannedCourses
        confirmedOfferings
        discontinuedOfferings
        csv
      }
      participationByOrganization(year: $year) {
        year
        rows {
          organizationName
          organizationCode
          servants
          participants
          rate
        }
        total {
          servants
          participants
          rate
        }
        csv
      }
      creditsByCategoryAndOrganization(from: $from, to: $to) {
        from
        to
        byCategory {
          categoryName
          credits
          servants
        }
        total {
          credits
          servants
        }
        csv
      }
      mandatoryOverdueByOrganization(year: $year) {
        year
        rows {
          organizationName
          organizationCode
          servants
          overdueServants
          overdueItems
        }
        total {
          servants
          overdueServants
          overdueItems
        }
        csv
      }
    }
  `,
  [DashboardOfferingFields],
);

/** Registrations arriving live for the current round. */
export const DashboardCountsSubscription = graphql(
  `
    subscription DashboardCountsLive($roundId: ID) {
      enrollmentCountChanged(roundId: $roundId) {
        offerings {
          ...DashboardOffering
        }
      }
    }
  `,
  [DashboardOfferingFields],
);

/** A round opened or closed: the dashboard reloads. */
export const DashboardRoundStatusSubscription = graphql(`
  subscription DashboardRoundStatusLive {
    enrollmentRoundStatusChanged {
      status
    }
  }
`);
