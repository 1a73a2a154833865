import { graphql } from '../../graphql';

export const CertificationProgramFields = graphql(`
  fragment CertificationProgramFields on CertificationProgram {
    id
    code
    name
    description
    active
    requirements {
      totalCredits
      windowMonths
      validityMonths
      categoryMinimums {
        credits
        category {
          id
          name
        }
      }
      requiredCourses {
        title
        course {
          id
          code
          title
        }
      }
    }
  }
`);

export const MandatoryRuleFields = graphql(`
  fragment MandatoryRuleFields on MandatoryTrainingRule {
    id
    name
    active
    legalBasis
    hours
    frequency
    withinMonths
    trigger
    gradeMin
    gradeMax
    jobSeries
    topicKeyword
    category {
      id
      name
    }
    course {
      id
      code
      title
    }
    organizations {
      id
      name
    }
  }
`);

/** Programmes and rules, deactivated ones too (the lists are small: at most 100 each). */
export const CertificationsAdminQuery = graphql(
  `
    query CertificationsAdmin {
      certificationPrograms(first: 100, includeInactive: true) {
        totalCount
        edges {
          node {
            ...CertificationProgramFields
          }
        }
      }
      mandatoryTrainingRules(first: 100, includeInactive: true) {
        totalCount
        edges {
          node {
            ...MandatoryRuleFields
          }
        }
      }
    }
  `,
  [CertificationProgramFields, MandatoryRuleFields],
);

export const ProgramCreateMutation = graphql(`
  mutation ProgramCreate($input: CertificationProgramCreateInput!) {
    certificationProgramCreate(input: $input) {
      program {
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

export const ProgramUpdateMutation = graphql(`
  mutation ProgramUpdate($input: CertificationProgramUpdateInput!) {
    certificationProgramUpdate(input: $input) {
      program {
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

export const ProgramDeactivateMutation = graphql(`
  mutation ProgramDeactivate($input: CertificationProgramDeactivateInput!) {
    certificationProgramDeactivate(input: $input) {
      program {
        id
        active
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RuleCreateMutation = graphql(`
  mutation RuleCreate($input: MandatoryTrainingRuleCreateInput!) {
    mandatoryTrainingRuleCreate(input: $input) {
      rule {
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

export const RuleUpdateMutation = graphql(`
  mutation RuleUpdate($input: MandatoryTrainingRuleUpdateInput!) {
    mandatoryTrainingRuleUpdate(input: $input) {
      rule {
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

export const RuleDeactivateMutation = graphql(`
  mutation RuleDeactivate($input: MandatoryTrainingRuleDeactivateInput!) {
    mandatoryTrainingRuleDeactivate(input: $input) {
      rule {
        id
        active
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Servants with an overdue mandatory training in a year (scoped by the API; reads are logged). */
export const OverdueQuery = graphql(`
  query MandatoryOverdue($year: Int!, $organizationId: ID, $first: Int!, $after: String) {
    mandatoryTrainingOverdue(year: $year, organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          servant {
            id
            name
            employeeNumber
            grade
            organization {
              id
              name
            }
          }
          overdue {
            dueDate
            hoursCompleted
            hoursRequired
            rule {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const OverdueCsvQuery = graphql(`
  query MandatoryOverdueCsv($year: Int!, $organizationId: ID) {
    mandatoryTrainingOverdueCsv(year: $year, organizationId: $organizationId)
  }
`);

/** Who is awarded (scoped by the API; reads are logged), newest award first. */
export const AwardedQuery = graphql(`
  query CertificationsAwarded($programId: ID, $organizationId: ID, $status: CertificationState, $first: Int!, $after: String) {
    certificationsAwarded(programId: $programId, organizationId: $organizationId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          cycle
          awardedAt
          expiresAt
          status
          revokedReason
          verificationCode
          certificateUrl
          program {
            id
            name
          }
          servant {
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
  }
`);

export const AwardedCsvQuery = graphql(`
  query CertificationsAwardedCsv($programId: ID, $organizationId: ID, $status: CertificationState) {
    certificationsAwardedCsv(programId: $programId, organizationId: $organizationId, status: $status)
  }
`);
