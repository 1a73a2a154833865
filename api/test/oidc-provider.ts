import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export interface TokenOptions {
  /** Defaults to the issuer's audience. */
  audience?: string;
  /** Defaults to the issuer's own URL. */
  issuer?: string;
  /** Lifetime in seconds (default 300); null leaves `exp` out. */
  expiresIn?: number | null;
  /** Signs with a key the issuer does not publish (same `kid`), i.e. a forged token. */
  key?: CryptoKey;
}

export interface LocalOidcIssuer {
  /** The issuer URL (no trailing slash), e.g. http://127.0.0.1:41234 */
  url: string;
  kid: string;
  /** How many times the JWKS was fetched. */
  jwksRequests(): number;
  sign(claims: JWTPayload, options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

/**
 * A tiny OpenID provider for tests: discovery document and JWKS with one RS256 key on
 * 127.0.0.1, and a function that signs ID-token-like JWTs with that key.
 */
export async function startOidcIssuer(audience: string): Promise<LocalOidcIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'test-key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  let jwksRequests = 0;
  let url = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/jwks') {
      jwksRequests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    kid,
    jwksRequests: () => jwksRequests,
    async sign(claims, options = {}) {
      const nowSeconds = Math.floor(Date.now() / 1000);
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(options.issuer ?? url)
        .setAudience(options.audience ?? audience)
        .setSubject(String(claims.sub ?? 'subject'))
        .setIssuedAt(nowSeconds);
      const expiresIn = options.expiresIn === undefined ? 300 : options.expiresIn;
      if (expiresIn !== null) jwt = jwt.setExpirationTime(nowSeconds + expiresIn);
      return jwt.sign(options.key ?? privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
