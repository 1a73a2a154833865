import type { RequestScope } from '../../common/request-scope.js';

/** The course catalogue: categories, courses, gathered resources. */
export class CatalogService {
  constructor(readonly scope: RequestScope) {}
}
