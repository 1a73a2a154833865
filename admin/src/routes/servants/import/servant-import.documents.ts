import { graphql } from '../../../graphql';

/** Upserts servants from an HR CSV; bad rows come back with their line and are skipped. */
export const ServantImportMutation = graphql(`
  mutation ServantImport($input: ServantImportInput!) {
    servantImport(input: $input) {
      totalRows
      createdCount
      updatedCount
      unchangedCount
      rowErrors {
        line
        employeeNumber
        column
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
