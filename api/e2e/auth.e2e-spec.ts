import { generateKeyPair, SignJWT } from 'jose';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { hashPassword } from '../src/modules/account/auth.service.js';
import { createTestApp, DEMO, type GqlResult, nextResults, type TestApp } from '../test/harness.js';
import { startOidcIssuer, type LocalOidcIssuer } from '../test/oidc-provider.js';

const SIGN_IN = `mutation($input: SessionCreateInput!) {
  sessionCreate(input: $input) { token expiresAt viewer { id email displayName roles } userErrors { code message field } }
}`;
const REVOKE = `mutation { sessionRevoke { revoked userErrors { code message } } }`;
const VIEWER = `{ viewer { email roles } }`;

const KO_INVALID = '이메일 또는 비밀번호가 올바르지 않습니다.';
const EN_INVALID = 'Wrong e-mail or password.';
const KO_SESSION_INVALID = '세션이 만료되었거나 로그아웃되었습니다. 다시 로그인하세요.';
const EN_SESSION_INVALID = 'Your session has expired or was revoked. Please sign in again.';
const HOUR = 3600_000;
const MINUTE = 60_000;

interface SignInPayload {
  sessionCreate: {
    token: string | null;
    expiresAt: string | null;
    viewer: { id: string; email: string; displayName: string; roles: string[] } | null;
    userErrors: { code: string; message: string; field: string[] | null }[];
  };
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.stop());
afterEach(() => setClock());

function signIn(email: string, password: string, headers?: Record<string, string>) {
  return t.gql<SignInPayload>(SIGN_IN, { input: { email, password } }, { headers });
}

/** A REPORTER account of this file only, so that counting failures does not disturb other tests. */
async function makeAccount(email: string, password = DEMO.password): Promise<number> {
  const [row] = await t.sql<{ id: number }>(
    `insert into account (email, display_name, password_hash, roles) values ($1, '테스트 계정', $2, '{REPORTER}') returning id`,
    [email, await hashPassword(password)],
  );
  return row.id;
}

/** Pins the server's clock `ms` from the real now. */
function clockIn(ms: number) {
  setClock(() => new Date(Date.now() + ms));
}

function expectUnauthenticated(r: GqlResult, message = KO_SESSION_INVALID) {
  expect(r.status).toBe(401);
  expect(r.data ?? null).toBeNull();
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(r.errors![0].message).toBe(message);
}

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('sessionCreate and viewer', () => {
  it('signs in an institute administrator and returns a working token with the viewer', async () => {
    const before = Date.now();
    const r = await signIn(DEMO.admin, DEMO.password);
    expect(r.errors).toBeUndefined();
    const p = r.data.sessionCreate;
    expect(p.userErrors).toEqual([]);
    expect(p.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(p.viewer).toMatchObject({ email: DEMO.admin, roles: ['INSTITUTE_ADMIN'] });
    // The default session lifetime is 8 hours.
    const expiresAt = new Date(p.expiresAt!).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 8 * HOUR - 2000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 8 * HOUR + 2000);

    const v = await t.gql(`{ viewer { id email displayName roles servant { name } organization { name } } }`, {}, { token: p.token });
    expect(v.errors).toBeUndefined();
    expect(v.data.viewer).toEqual({ ...p.viewer, servant: null, organization: null });
  });

  it('gives a servant their own servant record', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const v = await t.gql(`{ viewer { email roles servant { name employeeNumber } organization { name } } }`, {}, { token });
    expect(v.errors).toBeUndefined();
    expect(v.data.viewer).toEqual({
      email: DEMO.servantSuwon,
      roles: ['SERVANT'],
      servant: { name: '김민준', employeeNumber: 'GG000001' },
      organization: null,
    });
  });

  it('gives an organisation administrator the organisation they manage', async () => {
    const r = await signIn(DEMO.suwonAdmin, DEMO.password);
    expect(r.data.sessionCreate.viewer?.roles).toEqual(['ORG_ADMIN']);
    const v = await t.gql(`{ viewer { roles servant { name } organization { name } } }`, {}, { token: r.data.sessionCreate.token });
    expect(v.errors).toBeUndefined();
    expect(v.data.viewer).toEqual({ roles: ['ORG_ADMIN'], servant: null, organization: { name: '수원시' } });
  });

  it('returns a null viewer without a token', async () => {
    const v = await t.gql(VIEWER);
    expect(v.status).toBe(200);
    expect(v.errors).toBeUndefined();
    expect(v.data).toEqual({ viewer: null });
  });
});

describe('wrong credentials', () => {
  it('refuses a wrong password with INVALID_CREDENTIALS in Korean, or English on request', async () => {
    const r = await signIn(DEMO.seongnamAdmin, 'wrong-password');
    expect(r.errors).toBeUndefined();
    expect(r.data.sessionCreate).toEqual({
      token: null,
      expiresAt: null,
      viewer: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', message: KO_INVALID, field: ['password'] }],
    });

    const en = await signIn(DEMO.seongnamAdmin, 'wrong-password', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.data.sessionCreate.token).toBeNull();
    expect(en.data.sessionCreate.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS', message: EN_INVALID, field: ['password'] }]);

    // Two failures do not lock: the right password still works.
    expect((await signIn(DEMO.seongnamAdmin, DEMO.password)).data.sessionCreate.token).toBeTruthy();
  });

  it('answers an unknown e-mail exactly like a wrong password (no account enumeration)', async () => {
    const wrong = await signIn(DEMO.reporter, 'wrong-password');
    const unknown = await signIn('nobody@demo.kok.go.kr', 'wrong-password');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.raw).toEqual(wrong.raw);
    expect(unknown.data.sessionCreate.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS', message: KO_INVALID, field: ['password'] }]);

    const unknownEn = await signIn('nobody@demo.kok.go.kr', 'x', { 'accept-language': 'en' });
    expect(unknownEn.data.sessionCreate.userErrors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', message: EN_INVALID });
  });

  it('treats the e-mail case-insensitively', async () => {
    const r = await signIn('  Gg000001@DEMO.Kok.Go.KR ', DEMO.password);
    expect(r.data.sessionCreate.userErrors).toEqual([]);
    expect(r.data.sessionCreate.token).toBeTruthy();
    expect(r.data.sessionCreate.viewer).toMatchObject({ email: DEMO.servantSuwon, roles: ['SERVANT'] });
  });

  it('does not accept the password in another case', async () => {
    const r = await signIn(DEMO.reporter, DEMO.password.toUpperCase());
    expect(r.data.sessionCreate.token).toBeNull();
    expect(r.data.sessionCreate.userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });
});

describe('lockout', () => {
  it('locks the account on the 5th failure for 15 minutes, even for the right password', async () => {
    const email = 'lock.a@test.kok.go.kr';
    const id = await makeAccount(email);
    for (let i = 1; i <= 4; i++) {
      const r = await signIn(email, `wrong-${i}`);
      expect(r.data.sessionCreate.userErrors.map((e) => e.code), `attempt ${i}`).toEqual(['INVALID_CREDENTIALS']);
    }
    const fifth = await signIn(email, 'wrong-5');
    expect(fifth.data.sessionCreate.token).toBeNull();
    expect(fifth.data.sessionCreate.userErrors).toEqual([
      { code: 'ACCOUNT_LOCKED', message: '로그인 실패가 반복되어 계정이 잠겼습니다. 15분 후에 다시 시도하세요.', field: null },
    ]);
    const [row] = await t.sql<{ locked_until: Date | null }>(`select locked_until from account where id = $1`, [id]);
    expect(row.locked_until).not.toBeNull();
    const lockedFor = new Date(row.locked_until!).getTime() - Date.now();
    expect(lockedFor).toBeGreaterThan(14 * MINUTE);
    expect(lockedFor).toBeLessThanOrEqual(15 * MINUTE);

    const sixth = await signIn(email, DEMO.password, { 'accept-language': 'en' });
    expect(sixth.data.sessionCreate.token).toBeNull();
    expect(sixth.data.sessionCreate.userErrors).toEqual([
      { code: 'ACCOUNT_LOCKED', message: 'Too many failed sign-ins: the account is locked. Try again in 15 minutes.', field: null },
    ]);

    // 14 minutes later: still locked, one minute to go.
    clockIn(14 * MINUTE);
    const later = await signIn(email, DEMO.password);
    expect(later.data.sessionCreate.token).toBeNull();
    expect(later.data.sessionCreate.userErrors[0]).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('1분 후') });

    // 16 minutes later: the lock has expired.
    clockIn(16 * MINUTE);
    const unlocked = await signIn(email, DEMO.password);
    expect(unlocked.data.sessionCreate.userErrors).toEqual([]);
    expect(unlocked.data.sessionCreate.token).toBeTruthy();
    const [after] = await t.sql(`select failed_login_count, locked_until from account where id = $1`, [id]);
    expect(after).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('starts counting afresh after a successful sign-in', async () => {
    const email = 'lock.b@test.kok.go.kr';
    const id = await makeAccount(email);
    for (let i = 0; i < 4; i++) expect((await signIn(email, 'wrong')).data.sessionCreate.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await signIn(email, DEMO.password)).data.sessionCreate.token).toBeTruthy();
    for (let i = 0; i < 4; i++) {
      const r = await signIn(email, 'wrong');
      expect(r.data.sessionCreate.userErrors.map((e) => e.code), `attempt ${i + 1} after the success`).toEqual(['INVALID_CREDENTIALS']);
    }
    const [row] = await t.sql(`select failed_login_count, locked_until from account where id = $1`, [id]);
    expect(row).toEqual({ failed_login_count: 4, locked_until: null });
    expect((await signIn(email, DEMO.password)).data.sessionCreate.token).toBeTruthy();
  });

  it('loses no failure when 10 wrong passwords arrive at once', async () => {
    const email = 'lock.race@test.kok.go.kr';
    const id = await makeAccount(email);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(email, `wrong-${i}`)));
    const codes = results.map((r) => r.data.sessionCreate.userErrors[0]?.code);
    expect(results.every((r) => r.data.sessionCreate.token === null)).toBe(true);
    // Serialised by the row lock: exactly four plain failures, then the lock.
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(6);
    const [row] = await t.sql<{ locked_until: Date | null }>(`select locked_until from account where id = $1`, [id]);
    expect(row.locked_until).not.toBeNull();
    expect((await signIn(email, DEMO.password)).data.sessionCreate.userErrors[0].code).toBe('ACCOUNT_LOCKED');
  });
});

describe('sessions', () => {
  it('sessionRevoke ends that session at once and leaves the account\'s other sessions alone', async () => {
    const first = await t.login(DEMO.admin);
    const second = await t.login(DEMO.admin);
    expect(first).not.toBe(second);
    expect((await t.gql(VIEWER, {}, { token: first })).data.viewer.email).toBe(DEMO.admin);

    const r = await t.gql(REVOKE, {}, { token: first });
    expect(r.errors).toBeUndefined();
    expect(r.data.sessionRevoke).toEqual({ revoked: true, userErrors: [] });
    const jti = decodePart(first.split('.')[1]).jti;
    const [session] = await t.sql(`select revoked_at from session where id = $1`, [jti]);
    expect(session.revoked_at).not.toBeNull();

    expectUnauthenticated(await t.gql(VIEWER, {}, { token: first }));
    expectUnauthenticated(await t.gql(VIEWER, {}, { token: first, headers: { 'accept-language': 'en' } }), EN_SESSION_INVALID);
    expectUnauthenticated(await t.gql(REVOKE, {}, { token: first }));

    const other = await t.gql(VIEWER, {}, { token: second });
    expect(other.errors).toBeUndefined();
    expect(other.data.viewer).toEqual({ email: DEMO.admin, roles: ['INSTITUTE_ADMIN'] });
  });

  it('sessionRevoke needs a signed-in viewer', async () => {
    const r = await t.gql(REVOKE);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
  });

  it('refuses a token after its 8 hours', async () => {
    const token = await t.login(DEMO.reporter);
    clockIn(8 * HOUR - 5 * MINUTE);
    const stillValid = await t.gql(VIEWER, {}, { token });
    expect(stillValid.errors).toBeUndefined();
    expect(stillValid.data.viewer.email).toBe(DEMO.reporter);

    clockIn(8 * HOUR + MINUTE);
    expectUnauthenticated(await t.gql(VIEWER, {}, { token }));
  });

  it('refuses a token whose signature or payload was altered, or that was signed with another key', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const [header, payload, signature] = token.split('.');
    // A middle character: the last one of a base64url signature may carry only padding bits.
    const i = Math.floor(signature.length / 2);
    const tamperedSig = `${header}.${payload}.${signature.slice(0, i)}${signature[i] === 'A' ? 'B' : 'A'}${signature.slice(i + 1)}`;
    expectUnauthenticated(await t.gql(VIEWER, {}, { token: tamperedSig }));

    // Promote oneself to institute administrator, keeping the original signature.
    const claims = decodePart(payload);
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['INSTITUTE_ADMIN'] })).toString('base64url');
    expectUnauthenticated(await t.gql(VIEWER, {}, { token: `${header}.${elevated}.${signature}` }));

    // Same claims (a live session id), signed with a secret that is not the server's.
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('not-the-server-secret-0123456789abcdef'));
    expectUnauthenticated(await t.gql(VIEWER, {}, { token: forged }));

    // An unsigned token.
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expectUnauthenticated(await t.gql(VIEWER, {}, { token: none }));

    // The untouched token still works.
    expect((await t.gql(VIEWER, {}, { token })).data.viewer.email).toBe(DEMO.servantSuwon);
  });

  it('refuses a malformed Authorization header', async () => {
    const token = await t.login(DEMO.reporter);
    for (const authorization of ['Bearer', `Basic ${token}`, `Token ${token}`, 'Bearer not-a-jwt', 'Bearer a.b.c', `Bearer ${token} extra`]) {
      const r = await t.gql(VIEWER, {}, { headers: { authorization } });
      expect(r.status, authorization).toBe(401);
      expect(r.errors?.[0].extensions?.code, authorization).toBe('UNAUTHENTICATED');
      expect(r.data ?? null, authorization).toBeNull();
    }
    // The scheme is case-insensitive.
    const ok = await t.gql(VIEWER, {}, { headers: { authorization: `bearer ${token}` } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.viewer.email).toBe(DEMO.reporter);
  });
});

describe('secrets at rest and in tokens', () => {
  it('stores passwords only as argon2id hashes', async () => {
    const rows = await t.sql<{ email: string; password_hash: string }>(`select email, password_hash from account where password_hash is not null`);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const r of rows) {
      expect(r.password_hash, r.email).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    }
    // Each hash has its own salt, even for the shared demo password.
    const [admin] = await t.sql<{ password_hash: string }>(`select password_hash from account where email = $1`, [DEMO.admin]);
    const fresh = await hashPassword(DEMO.password);
    expect(fresh).not.toBe(admin.password_hash);

    // The plain password appears nowhere in the account or session tables, nor in the logs.
    await signIn(DEMO.admin, DEMO.password);
    const [found] = await t.sql<{ n: number }>(
      `select (select count(*) from account a where position($1 in a::text) > 0)::int + (select count(*) from session s where position($1 in s::text) > 0)::int as n`,
      [DEMO.password],
    );
    expect(found.n).toBe(0);
    expect(t.logs.join('\n')).not.toContain(DEMO.password);
  });

  it('puts no password hash or personal data in the access token', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const [headerPart, payloadPart] = token.split('.');
    expect(decodePart(headerPart)).toEqual({ alg: 'HS256' });
    const payload = decodePart(payloadPart);
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'iss', 'jti', 'roles', 'sub']);
    expect(payload.roles).toEqual(['SERVANT']);
    const [acc] = await t.sql<{ id: number; password_hash: string }>(`select id, password_hash from account where email = $1`, [DEMO.servantSuwon]);
    expect(payload.sub).toBe(String(acc.id));
    const [servant] = await t.sql<{ phone: string | null }>(`select phone from servant where employee_number = 'GG000001'`);
    const decoded = Buffer.from(payloadPart, 'base64url').toString('utf8');
    for (const secret of ['$argon2', acc.password_hash, DEMO.password, DEMO.servantSuwon, '김민준', 'GG000001', servant.phone ?? '김민준']) {
      expect(decoded).not.toContain(secret);
      expect(token).not.toContain(secret);
    }
  });
});

/** Subscribes and reports how it ended: refused (close code / error) or the first event. */
function subscribeOnce(client: Client, query: string, timeoutMs = 10_000) {
  let closeCode: number | null = null;
  client.on('closed', (e) => {
    closeCode = (e as { code?: number }).code ?? null;
  });
  let dispose = () => undefined as void;
  const outcome = new Promise<{ kind: 'next'; value: unknown } | { kind: 'error'; error: unknown; closeCode: number | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('subscription neither refused nor delivered')), timeoutMs);
    dispose = client.subscribe(
      { query },
      {
        next: (value) => {
          clearTimeout(timer);
          resolve({ kind: 'next', value });
        },
        error: (error) => {
          clearTimeout(timer);
          resolve({ kind: 'error', error, closeCode: closeCode ?? (error as { code?: number }).code ?? null });
        },
        complete: () => {
          clearTimeout(timer);
          reject(new Error('completed without an event'));
        },
      },
    );
  });
  return { outcome, dispose: () => dispose() };
}

const SERVANT_CHANGED = `subscription { servantChanged { kind servant { employeeNumber position } } }`;

describe('WebSocket authentication', () => {
  it('refuses a connection without a token', async () => {
    const sub = subscribeOnce(t.ws(null), SERVANT_CHANGED);
    const r = await sub.outcome;
    expect(r).toMatchObject({ kind: 'error', closeCode: 4403 });
  });

  it('refuses a connection with a revoked, tampered or malformed token', async () => {
    const token = await t.login(DEMO.admin);
    expect((await t.gql(REVOKE, {}, { token })).data.sessionRevoke.revoked).toBe(true);
    expect(await subscribeOnce(t.ws(token), SERVANT_CHANGED).outcome).toMatchObject({ kind: 'error', closeCode: 4403 });
    const live = await t.login(DEMO.admin);
    expect(await subscribeOnce(t.ws(`${live}x`), SERVANT_CHANGED).outcome).toMatchObject({ kind: 'error', closeCode: 4403 });
    expect(await subscribeOnce(t.ws('garbage'), SERVANT_CHANGED).outcome).toMatchObject({ kind: 'error', closeCode: 4403 });
  });

  it('accepts a valid administrator token and delivers servantChanged', async () => {
    const token = await t.login(DEMO.admin);
    const found = await t.gql(`{ servants(first: 1, filter: { search: "GG000004" }) { edges { node { id } } } }`, {}, { token });
    const id = found.data.servants.edges[0].node.id as string;
    const sub = subscribeOnce(t.ws(token), SERVANT_CHANGED);
    let received: Awaited<typeof sub.outcome> | null = null;
    void sub.outcome.then((r) => (received = r), () => undefined);
    // The subscription is registered asynchronously: update until the event arrives.
    for (let i = 0; i < 40 && !received; i++) {
      const u = await t.gql(
        `mutation($input: ServantUpdateInput!) { servantUpdate(input: $input) { servant { position } userErrors { code message } } }`,
        { input: { id, position: `주무관${i}` } },
        { token },
      );
      expect(u.errors).toBeUndefined();
      expect(u.data.servantUpdate.userErrors).toEqual([]);
      await new Promise((r) => setTimeout(r, 250));
    }
    const r = await sub.outcome;
    expect(r.kind).toBe('next');
    expect((r as { value: any }).value).toEqual({
      data: { servantChanged: { kind: 'UPDATED', servant: { employeeNumber: 'GG000004', position: expect.stringMatching(/^주무관\d+$/) } } },
    });
    sub.dispose();
  });

  it('closes an open subscription when its session is revoked, on another API process too', async () => {
    const other = await createTestApp({ databaseUrl: t.databaseUrl });
    try {
      const token = await t.login(DEMO.admin);
      const client = other.ws(token);
      const sub = nextResults(client, `subscription { servantChanged { kind } }`, {}, 1, 5000);
      await new Promise((r) => setTimeout(r, 300));
      await t.gql(`mutation { sessionRevoke(input: {}) { revoked } }`, {}, { token });
      const closed = await sub.done.then(
        () => 'delivered',
        (e: unknown) => String((e as { code?: number }).code ?? e),
      );
      expect(closed).toBe('4401');
    } finally {
      await other.stop();
    }
  });
});

describe('OIDC', () => {
  let issuer: LocalOidcIssuer;
  let o: TestApp;
  const VIEWER_SERVANT = `{ viewer { email roles servant { name employeeNumber } } }`;

  beforeAll(async () => {
    issuer = await startOidcIssuer('kok-api');
    o = await createTestApp({ env: { OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: 'kok-api', OIDC_EMPLOYEE_CLAIM: 'employee_number' } });
  });
  afterAll(async () => {
    await o?.stop();
    await issuer?.close();
  });

  it('maps a token of the identity provider to the servant with that employee number', async () => {
    const token = await issuer.sign({ employee_number: 'GG000002' });
    const r = await o.gql(VIEWER_SERVANT, {}, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer).toMatchObject({ roles: ['SERVANT'], servant: { name: '이서연', employeeNumber: 'GG000002' } });
    expect(issuer.jwksRequests()).toBeGreaterThan(0);
  });

  it('creates the account of a servant on their first sign-in through the identity provider', async () => {
    const [s] = await o.sql<{ id: number; employee_number: string; name: string }>(
      `select s.id, s.employee_number, s.name from servant s where not exists (select 1 from account a where a.servant_id = s.id) order by s.employee_number limit 1`,
    );
    const token = await issuer.sign({ employee_number: s.employee_number });
    const r = await o.gql(VIEWER_SERVANT, {}, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer).toMatchObject({ roles: ['SERVANT'], servant: { name: s.name, employeeNumber: s.employee_number } });
    const accounts = await o.sql(`select roles, password_hash from account where servant_id = $1`, [s.id]);
    expect(accounts).toEqual([{ roles: ['SERVANT'], password_hash: null }]);
    // A second request reuses it.
    expect((await o.gql(VIEWER_SERVANT, {}, { token })).data.viewer.servant.employeeNumber).toBe(s.employee_number);
    expect(await o.sql(`select id from account where servant_id = $1`, [s.id])).toHaveLength(1);
  });

  it('refuses a wrong audience, an unknown employee number, a missing claim, an expired or never-expiring token and another key', async () => {
    const otherKey = (await generateKeyPair('RS256')).privateKey;
    const cases: [string, string][] = [
      ['wrong audience', await issuer.sign({ employee_number: 'GG000002' }, { audience: 'another-api' })],
      ['unknown employee number', await issuer.sign({ employee_number: 'GG999999' })],
      ['missing claim', await issuer.sign({ employee_id: 'GG000002' })],
      ['expired', await issuer.sign({ employee_number: 'GG000002' }, { expiresIn: -60 })],
      // A token without `exp` would otherwise be valid forever.
      ['without an expiry', await issuer.sign({ employee_number: 'GG000002' }, { expiresIn: null })],
      ['signed by another key', await issuer.sign({ employee_number: 'GG000002' }, { key: otherKey })],
      ['another issuer', await issuer.sign({ employee_number: 'GG000002' }, { issuer: 'https://evil.example' })],
    ];
    for (const [what, token] of cases) {
      const r = await o.gql(VIEWER_SERVANT, {}, { token });
      expect(r.status, what).toBe(401);
      expect(r.errors?.[0].extensions?.code, what).toBe('UNAUTHENTICATED');
      expect(r.data ?? null, what).toBeNull();
    }
    // No account was created for the unknown number.
    expect(await o.sql(`select 1 from account a join servant s on s.id = a.servant_id where s.employee_number = 'GG999999'`)).toEqual([]);
  });

  it('still signs in built-in accounts', async () => {
    const token = await o.login(DEMO.suwonAdmin);
    const r = await o.gql(`{ viewer { email roles organization { name } } }`, {}, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer).toEqual({ email: DEMO.suwonAdmin, roles: ['ORG_ADMIN'], organization: { name: '수원시' } });
  });
});
