import type { RequestScope } from '../../common/request-scope.js';
import type { EventPublisher } from '../../events/publisher.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { NotificationService } from '../notification/notification.service.js';

/** Training requests and the demand they are grouped into. */
export class RequestService {
  constructor(
    readonly scope: RequestScope,
    readonly catalog: CatalogService,
    readonly notifications: NotificationService,
    readonly events: EventPublisher,
  ) {}
}
