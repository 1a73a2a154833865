import { graphql } from '../graphql';

/** Courses to choose from: active ones, found by words in the title, tags or code. */
export const CoursePickerQuery = graphql(`
  query CoursePicker($search: String) {
    courses(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          code
          title
          format
          lengthMinutes
        }
      }
    }
  }
`);

/** Organisations to choose from (the province, cities and counties, their departments). */
export const OrganizationPickerQuery = graphql(`
  query OrganizationPicker($search: String) {
    organizations(first: 30, filter: { search: $search }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
