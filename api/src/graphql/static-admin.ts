import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { REPO_ROOT } from '../config/config.js';

/** Where `pnpm --filter @kok/admin build` writes the admin app. */
export const ADMIN_DIST_DIR = path.join(REPO_ROOT, 'admin', 'dist');

/** Whether a built admin app is there to serve (the API also runs without one). */
export function adminBuildExists(distDir: string = ADMIN_DIST_DIR): boolean {
  return fs.existsSync(path.join(distDir, 'index.html'));
}

/** Paths that belong to the API, never to the app's client-side routes. */
const API_PATHS = /^\/(graphql|healthz|readyz)(\/|$)/;

/**
 * The page's policy: scripts and connections only to this origin (the app talks to /graphql
 * over HTTP and WebSocket here); inline styles are needed by MUI's emotion; no framing.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

function securityHeaders(res: express.Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

/**
 * Serves the built admin app (`admin/dist`) from the API's server:
 * - `/assets/*` carry a content hash in their names: cached for a year, immutable;
 * - every other file (index.html above all) is revalidated on each load (`no-cache`), so a
 *   new build is picked up at once;
 * - a GET for anything else that asks for HTML (a client-side route such as /servants/…) gets
 *   index.html; /graphql, /healthz and /readyz are left to the API, and a missing file with an
 *   extension is a plain 404, not the app.
 * Register it before the /graphql route; it only answers GET and HEAD.
 */
export function serveAdmin(app: express.Express, distDir: string): void {
  const indexHtml = path.join(distDir, 'index.html');
  const isPageRequest = (req: express.Request) => (req.method === 'GET' || req.method === 'HEAD') && !API_PATHS.test(req.path);
  const assets = express.static(path.join(distDir, 'assets'), {
    index: false,
    redirect: false,
    immutable: true,
    maxAge: '365d',
    setHeaders: (res) => securityHeaders(res),
  });
  const files = express.static(distDir, {
    index: false,
    redirect: false,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', 'no-cache');
      if (filePath.endsWith('.html')) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      securityHeaders(res);
    },
  });
  app.use('/assets', assets);
  app.use((req, res, next) => (isPageRequest(req) && !req.path.startsWith('/assets/') ? files(req, res, next) : next()));
  app.use((req, res, next) => {
    if (!isPageRequest(req) || req.path.startsWith('/assets/') || path.extname(req.path) !== '' || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    securityHeaders(res);
    res.sendFile(indexHtml, (err) => {
      if (err && !res.headersSent) next();
    });
  });
}
