import { graphql } from '../../graphql';

/**
 * The learning side of a servant's profile: credits, learning hours, mandatory training,
 * certifications and recommendations with their reasons. A query of its own so that the
 * profile's personal data shows at once while these (computed) answers load.
 */
export const ServantLearningQuery = graphql(`
  query ServantLearning($id: ID!) {
    node(id: $id) {
      __typename
      ... on Servant {
        id
        transcriptPath
        creditSummary {
          balance
          earnedThisYear
          byCategory {
            credits
            category {
              id
              name
            }
          }
          byKind {
            kind
            credits
          }
        }
        learningHours {
          year
          required
          completed
          remaining
          expectedByNow
          onTrack
        }
        mandatoryTraining {
          status
          dueDate
          hoursCompleted
          hoursRequired
          rule {
            id
            name
            legalBasis
          }
        }
        certificationProgress {
          complete
          creditsCounted
          creditsRequired
          missing
          percent
          program {
            id
            name
            code
          }
          certification {
            id
            status
            awardedAt
            expiresAt
            verificationCode
            certificateUrl
          }
        }
        recommendations(first: 10) {
          score
          course {
            id
            title
          }
          reasons {
            code
            message
          }
        }
        recommendedSubjects(first: 5) {
          subject
          kind
          reasons {
            code
            message
          }
        }
      }
    }
  }
`);
