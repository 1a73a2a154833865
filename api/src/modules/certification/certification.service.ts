import type { RequestScope } from '../../common/request-scope.js';
import type { EventPublisher } from '../../events/publisher.js';

/** Mandatory training rules and certification programmes. */
export class CertificationService {
  constructor(
    readonly scope: RequestScope,
    readonly events: EventPublisher,
  ) {}
}
