import { graphql } from '../../graphql';

export const CourseFields = graphql(`
  fragment CatalogueCourse on Course {
    id
    code
    title
    description
    format
    lengthMinutes
    creditValue
    status
    tags
    category {
      id
      name
    }
    resources {
      id
      kind
      title
      url
      provider
    }
  }
`);

/** One page of the catalogue (server-side search, filters, sort and keyset paging). */
export const CoursesQuery = graphql(
  `
    query CatalogueCourses($first: Int!, $after: String, $filter: CourseFilterInput, $orderBy: CourseOrderInput) {
      courses(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...CatalogueCourse
          }
        }
      }
    }
  `,
  [CourseFields],
);


export const CourseCreate = graphql(
  `
    mutation CourseCreate($input: CourseCreateInput!) {
      courseCreate(input: $input) {
        course {
          ...CatalogueCourse
        }
        userErrors {
          code
          field
          message
        }
      }
    }
  `,
  [CourseFields],
);

export const CourseUpdate = graphql(
  `
    mutation CourseUpdate($input: CourseUpdateInput!) {
      courseUpdate(input: $input) {
        course {
          ...CatalogueCourse
        }
        userErrors {
          code
          field
          message
        }
      }
    }
  `,
  [CourseFields],
);

export const CourseRetire = graphql(
  `
    mutation CourseRetire($input: CourseRetireInput!) {
      courseRetire(input: $input) {
        course {
          ...CatalogueCourse
        }
        userErrors {
          code
          field
          message
        }
      }
    }
  `,
  [CourseFields],
);

export const LearningResourceAdd = graphql(
  `
    mutation LearningResourceAdd($input: LearningResourceAddInput!) {
      learningResourceAdd(input: $input) {
        course {
          ...CatalogueCourse
        }
        userErrors {
          code
          field
          message
        }
      }
    }
  `,
  [CourseFields],
);

export const LearningResourceRemove = graphql(
  `
    mutation LearningResourceRemove($input: LearningResourceRemoveInput!) {
      learningResourceRemove(input: $input) {
        course {
          ...CatalogueCourse
        }
        userErrors {
          code
          field
          message
        }
      }
    }
  `,
  [CourseFields],
);

