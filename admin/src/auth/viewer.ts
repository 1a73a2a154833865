import { graphql, type ResultOf } from '../graphql';

/** What the shell needs to know about the signed-in account. */
export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    id
    displayName
    email
    roles
    organization {
      id
      name
    }
  }
`);

export const ViewerQuery = graphql(
  `
    query Viewer {
      viewer {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

export type Viewer = ResultOf<typeof ViewerFields>;
export type Role = Viewer['roles'][number];

export const ADMIN_ROLES: readonly Role[] = ['INSTITUTE_ADMIN', 'ORG_ADMIN', 'REPORTER'];

/** Whether the account may use the admin app at all (servants use the portals). */
export function isAdmin(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((r) => ADMIN_ROLES.includes(r));
}
