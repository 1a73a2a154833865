import type { RequestScope } from '../../common/request-scope.js';
import type { EventPublisher } from '../../events/publisher.js';

/** The credit bank: attendance → completion → ledger entries, balances and obligations. */
export class CreditService {
  constructor(
    readonly scope: RequestScope,
    readonly events: EventPublisher,
  ) {}
}
