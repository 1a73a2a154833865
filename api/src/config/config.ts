import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the repository lives; the embedded database keeps its files under `<root>/.data`. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type NodeEnv = 'development' | 'production' | 'test';

/** Typed, validated settings. Every field is documented in the README's settings table. */
export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** null ⇒ run the embedded PostgreSQL server. */
  databaseUrl: string | null;
  embeddedPgPort: number;
  dataDir: string;
  /** Seed demo organisations, accounts and servants into an empty database. */
  demo: boolean;
  jwtSecret: string | null;
  sessionTtlSeconds: number;
  oidc: { issuer: string; audience: string; claim: string } | null;
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number; maxPageSize: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Recommendation strategy: a registered name (hybrid, popularity, item-knn, ease) or a module path. */
  recommender: string;
  /** Outgoing e-mail; null = e-mails are written to the log. */
  smtp: { url: string; from: string } | null;
  /** Run scheduled jobs (round open/close, e-mail outbox) in this process. */
  jobs: boolean;
  /** Which strategy encodes global ids (see common/global-id.ts). */
  idCodec: 'base64';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`잘못된 설정 / invalid settings:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates settings from environment variables. Collects every problem before
 * failing so that an operator fixes a bad deployment in one go.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, dflt: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}="${raw}" must be an integer between ${min} and ${max}`);
      return dflt;
    }
    return n;
  };
  const bool = (name: string, dflt: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name}="${raw}" must be 1/0, true/false, yes/no or on/off`);
    return dflt;
  };
  const oneOf = <T extends string>(name: string, dflt: T, allowed: readonly T[]): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name}="${raw}" must be one of: ${allowed.join(', ')}`);
      return dflt;
    }
    return raw as T;
  };

  const nodeEnv = oneOf<NodeEnv>('NODE_ENV', 'development', ['development', 'production', 'test']);
  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error('protocol');
    } catch {
      problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
      databaseUrl = null;
    }
  }
  const jwtSecret = env.KOK_JWT_SECRET?.trim() || null;
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('KOK_JWT_SECRET must be at least 32 characters');
  if (nodeEnv === 'production' && jwtSecret === null) problems.push('KOK_JWT_SECRET is required when NODE_ENV=production');

  let oidc: Config['oidc'] = null;
  const issuer = env.OIDC_ISSUER?.trim();
  if (issuer) {
    try {
      new URL(issuer);
    } catch {
      problems.push('OIDC_ISSUER must be a URL');
    }
    const audience = env.OIDC_AUDIENCE?.trim();
    if (!audience) problems.push('OIDC_AUDIENCE is required when OIDC_ISSUER is set');
    oidc = { issuer, audience: audience ?? '', claim: env.OIDC_EMPLOYEE_CLAIM?.trim() || 'employee_number' };
  }

  let smtp: Config['smtp'] = null;
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl) {
    try {
      if (!['smtp:', 'smtps:'].includes(new URL(smtpUrl).protocol)) throw new Error('protocol');
    } catch {
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
    }
    smtp = { url: smtpUrl, from: env.SMTP_FROM?.trim() || '경기 맘대로 콕 <no-reply@kok.gg.go.kr>' };
  }

  const config: Config = {
    nodeEnv,
    port: int('PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    embeddedPgPort: int('KOK_EMBEDDED_PG_PORT', 54329, 1024, 65535),
    dataDir: path.resolve(env.KOK_DATA_DIR?.trim() || path.join(REPO_ROOT, '.data')),
    demo: bool('KOK_DEMO', databaseUrl === null),
    jwtSecret,
    sessionTtlSeconds: int('KOK_SESSION_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    oidc,
    limits: {
      maxDepth: int('KOK_MAX_DEPTH', 10, 2, 50),
      maxAliases: int('KOK_MAX_ALIASES', 15, 1, 1000),
      maxTokens: int('KOK_MAX_TOKENS', 2000, 100, 100_000),
      maxCost: int('KOK_MAX_COST', 250_000, 10, 10_000_000),
      maxPageSize: 100,
    },
    jobs: bool('KOK_JOBS', true),
    smtp,
    recommender: env.KOK_RECOMMENDER?.trim() || 'hybrid',
    logLevel: oneOf('LOG_LEVEL', 'info', ['debug', 'info', 'warn', 'error'] as const),
    idCodec: oneOf('KOK_ID_CODEC', 'base64', ['base64'] as const),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
