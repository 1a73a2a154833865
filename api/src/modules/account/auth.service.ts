import crypto from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../../config/config.js';
import { now } from '../../common/clock.js';
import { DomainError } from '../../common/errors.js';
import type { Viewer } from '../../common/request-scope.js';
import { Role } from './account.entity.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const ISSUER = 'kok';

/** Hashes a password with argon2id (the OWASP-recommended parameters are the library's defaults). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

interface AccountRow {
  id: number;
  email: string;
  display_name: string;
  roles: Role[];
  servant_id: number | null;
  organization_id: number | null;
  org_path: string | null;
}

function toViewer(row: AccountRow, sessionId: string | null): Viewer {
  return {
    accountId: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    servantId: row.servant_id,
    scope: row.roles.includes(Role.ORG_ADMIN) && row.organization_id && row.org_path ? { organizationId: row.organization_id, path: row.org_path } : null,
    sessionId,
  };
}

const ACCOUNT_COLUMNS = `a.id, a.email, a.display_name, a.roles, a.servant_id, a.organization_id, o.path as org_path`;

/**
 * Sign-in, tokens and sessions. Built-in accounts get an HS256 JWT whose `jti` is a session
 * row, so revocation takes effect on the next request. With OIDC configured, bearer tokens
 * from that issuer are verified against its JWKS and mapped to a servant by a claim.
 */
export class AuthService {
  private secret: Uint8Array | null = null;
  private jwks: JWTVerifyGetKey | null = null;
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly config: Config,
    private readonly rootEm: EntityManager,
  ) {}

  /** The signing key: from KOK_JWT_SECRET, else generated once and shared through the database. */
  private async key(): Promise<Uint8Array> {
    if (this.secret) return this.secret;
    if (this.config.jwtSecret) return (this.secret = new TextEncoder().encode(this.config.jwtSecret));
    const conn = this.rootEm.getConnection();
    await conn.execute(`insert into system_secret (name, value) values ('jwt_hs256', ?) on conflict (name) do nothing`, [
      crypto.randomBytes(48).toString('base64url'),
    ]);
    const [row] = await conn.execute<{ value: string }[]>(`select value from system_secret where name = 'jwt_hs256'`);
    return (this.secret = new TextEncoder().encode(row.value));
  }

  /**
   * Checks a password and opens a session. Five failures in a row lock the account for 15
   * minutes; the row lock serialises concurrent attempts so none escapes the count.
   */
  async signIn(emailRaw: string, password: string, ip: string | null): Promise<{ token: string; viewer: Viewer; expiresAt: Date }> {
    const email = emailRaw.trim().toLowerCase();
    const em = this.rootEm.fork();
    // A refused attempt still commits (the failure count must survive), so the transaction
    // returns the refusal and it is thrown only after commit.
    const outcome = await em.transactional(async (tx): Promise<{ token: string; viewer: Viewer; expiresAt: Date } | DomainError> => {
      const conn = tx.getConnection();
      const [acc] = await conn.execute<(AccountRow & { password_hash: string | null; failed_login_count: number; locked_until: Date | null })[]>(
        `select ${ACCOUNT_COLUMNS}, a.password_hash, a.failed_login_count, a.locked_until
         from account a left join organization o on o.id = a.organization_id
         where lower(a.email) = ? for update of a`,
        [email],
        'all',
        tx.getTransactionContext(),
      );
      const at = now();
      if (!acc || !acc.password_hash) {
        // Spend the same time as a real check so that timing does not reveal which e-mails exist.
        await verify((await (this.dummyHash ??= hashPassword(crypto.randomUUID()))), password).catch(() => false);
        return DomainError.badInput('INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', {}, ['password']);
      }
      if (acc.locked_until && new Date(acc.locked_until) > at) {
        const minutes = Math.ceil((new Date(acc.locked_until).getTime() - at.getTime()) / 60_000);
        return DomainError.badInput('ACCOUNT_LOCKED', 'ACCOUNT_LOCKED', { minutes });
      }
      const ok = await verify(acc.password_hash, password).catch(() => false);
      if (!ok) {
        const failures = acc.failed_login_count + 1;
        const lock = failures >= MAX_FAILED_LOGINS;
        await conn.execute(
          `update account set failed_login_count = ?, locked_until = ? where id = ?`,
          [lock ? 0 : failures, lock ? new Date(at.getTime() + LOCK_MINUTES * 60_000) : null, acc.id],
          'run',
          tx.getTransactionContext(),
        );
        return lock
          ? DomainError.badInput('ACCOUNT_LOCKED', 'ACCOUNT_LOCKED', { minutes: LOCK_MINUTES })
          : DomainError.badInput('INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', {}, ['password']);
      }
      const sessionId = crypto.randomUUID();
      const expiresAt = new Date(at.getTime() + this.config.sessionTtlSeconds * 1000);
      await conn.execute(`update account set failed_login_count = 0, locked_until = null where id = ?`, [acc.id], 'run', tx.getTransactionContext());
      await conn.execute(`insert into session (id, account_id, created_at, expires_at, ip) values (?, ?, ?, ?, ?)`, [sessionId, acc.id, at, expiresAt, ip], 'run', tx.getTransactionContext());
      const token = await new SignJWT({ roles: acc.roles })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setSubject(String(acc.id))
        .setJti(sessionId)
        .setIssuedAt(Math.floor(at.getTime() / 1000))
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(await this.key());
      return { token, viewer: toViewer(acc, sessionId), expiresAt };
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Ends a session at once: the next request with its token is refused. */
  async revoke(sessionId: string): Promise<void> {
    await this.rootEm.getConnection().execute(`update session set revoked_at = coalesce(revoked_at, ?) where id = ?`, [now(), sessionId]);
  }

  /** Resolves a bearer token to a viewer, or throws UNAUTHENTICATED. */
  async authenticate(token: string): Promise<Viewer> {
    let claims: ReturnType<typeof decodeJwt>;
    try {
      claims = decodeJwt(token);
    } catch {
      throw DomainError.unauthenticated('SESSION_INVALID');
    }
    if (this.config.oidc && claims.iss === this.config.oidc.issuer) return this.authenticateOidc(token);
    try {
      const { payload } = await jwtVerify(token, await this.key(), { issuer: ISSUER, algorithms: ['HS256'], currentDate: now() });
      if (!payload.jti) throw new Error('no jti');
      const [row] = await this.rootEm.getConnection().execute<AccountRow[]>(
        `select ${ACCOUNT_COLUMNS} from session s join account a on a.id = s.account_id left join organization o on o.id = a.organization_id
         where s.id = ? and s.revoked_at is null and s.expires_at > ?`,
        [payload.jti, now()],
      );
      if (!row) throw new Error('session ended');
      return toViewer(row, payload.jti);
    } catch {
      throw DomainError.unauthenticated('SESSION_INVALID');
    }
  }

  private async authenticateOidc(token: string): Promise<Viewer> {
    const oidc = this.config.oidc!;
    try {
      if (!this.jwks) {
        const discovery = await fetch(new URL('.well-known/openid-configuration', oidc.issuer.endsWith('/') ? oidc.issuer : `${oidc.issuer}/`));
        const { jwks_uri } = (await discovery.json()) as { jwks_uri: string };
        this.jwks = createRemoteJWKSet(new URL(jwks_uri));
      }
      const { payload } = await jwtVerify(token, this.jwks, { issuer: oidc.issuer, audience: oidc.audience, requiredClaims: ['exp'], currentDate: now() });
      const employeeNumber = payload[oidc.claim];
      if (typeof employeeNumber !== 'string' || !employeeNumber) throw new Error('claim missing');
      const conn = this.rootEm.getConnection();
      // First sign-in through the identity provider creates the servant's account.
      await conn.execute(
        `insert into account (email, display_name, roles, servant_id)
         select coalesce(s.email, s.employee_number || '@oidc.invalid'), s.name, '{SERVANT}', s.id from servant s
         where s.employee_number = ? on conflict do nothing`,
        [employeeNumber],
      );
      const [row] = await conn.execute<AccountRow[]>(
        `select ${ACCOUNT_COLUMNS} from servant s join account a on a.servant_id = s.id left join organization o on o.id = a.organization_id where s.employee_number = ?`,
        [employeeNumber],
      );
      if (!row) throw new Error('no such servant');
      return toViewer(row, null);
    } catch {
      throw DomainError.unauthenticated('SESSION_INVALID');
    }
  }
}
