import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { DomainError, toGraphQLError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { RequestScope } from '../common/request-scope.js';
import type { PgPubSub } from '../events/pubsub.js';
import { localeFrom } from '../i18n/messages.js';
import type { AuthService } from '../modules/account/auth.service.js';
import { OrganizationService } from '../modules/organization/organization.service.js';
import { ServantImportService } from '../modules/servant/servant-import.service.js';
import { ServantService } from '../modules/servant/servant.service.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { PlatformSettingsService } from '../modules/catalog/platform-settings.service.js';
import { NotificationService } from '../modules/notification/notification.service.js';
import { RequestService } from '../modules/request/request.service.js';
import { RoundService } from '../modules/round/round.service.js';
import { CreditService } from '../modules/credit/credit.service.js';
import { CertificationService } from '../modules/certification/certification.service.js';
import { RecommendationService } from '../modules/recommendation/recommendation.service.js';
import type { RecommenderHost } from '../modules/recommendation/recommender.host.js';
import { ReportingService } from '../modules/reporting/reporting.service.js';

/** Long-lived parts shared by every operation of one API process. */
export interface AppDeps {
  config: Config;
  orm: MikroORM;
  pubsub: PgPubSub;
  auth: AuthService;
  log: Logger;
  recommender: RecommenderHost;
}

export interface Services {
  organizations: OrganizationService;
  servants: ServantService;
  servantImport: ServantImportService;
  settings: PlatformSettingsService;
  notifications: NotificationService;
  catalog: CatalogService;
  requests: RequestService;
  rounds: RoundService;
  credits: CreditService;
  certifications: CertificationService;
  recommendations: RecommendationService;
  reporting: ReportingService;
}

export interface Context {
  scope: RequestScope;
  services: Services;
  deps: AppDeps;
}

export function createServices(scope: RequestScope, deps: Pick<AppDeps, 'pubsub' | 'recommender'>): Services {
  const organizations = new OrganizationService(scope);
  const notifications = new NotificationService(scope, deps.pubsub);
  const catalog = new CatalogService(scope);
  const servants = new ServantService(scope, organizations, deps.pubsub);
  const certifications = new CertificationService(scope, deps.pubsub, servants);
  return {
    organizations,
    servants,
    rounds: new RoundService(scope, servants, deps.pubsub),
    credits: new CreditService(scope, deps.pubsub, servants, certifications),
    certifications,
    recommendations: new RecommendationService(scope, deps.recommender, servants, certifications, deps.pubsub),
    reporting: new ReportingService(scope, servants),
    servantImport: new ServantImportService(scope),
    settings: new PlatformSettingsService(scope.em),
    notifications,
    catalog,
    requests: new RequestService(scope, catalog, notifications, deps.pubsub),
  };
}

export interface RequestInfo {
  authorization?: string | null;
  acceptLanguage?: string | null;
  ip?: string | null;
  operationName?: string | null;
}

/**
 * One context per operation (HTTP request or subscription event): a fresh EntityManager
 * fork, the authenticated viewer, fresh dataloaders.
 */
export async function buildContext(deps: AppDeps, req: RequestInfo): Promise<Context> {
  const locale = localeFrom(req.acceptLanguage);
  let viewer = null;
  const auth = req.authorization?.trim();
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    try {
      if (!m) throw DomainError.unauthenticated('SESSION_INVALID');
      viewer = await deps.auth.authenticate(m[1]);
    } catch (e) {
      if (e instanceof DomainError) throw toGraphQLError(e, locale);
      throw e;
    }
  }
  const scope = new RequestScope(deps.orm.em.fork(), viewer, locale, req.ip ?? null, req.operationName ?? null);
  return { scope, services: createServices(scope, deps), deps };
}
