import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** Debian's Chromium; playwright-core never downloads a browser here (see ../../shared/STACK.md). */
export const CHROMIUM = process.env.KOK_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const DEMO_PASSWORD = 'kok-demo-2026';
export const DEMO = {
  admin: 'admin@demo.kok.go.kr',
  suwonAdmin: 'suwon.admin@demo.kok.go.kr',
  reporter: 'reporter@demo.kok.go.kr',
  servantSuwon: 'gg000001@demo.kok.go.kr',
};

export const baseUrl = () => inject('adminBaseUrl');

export interface Browser {
  context: BrowserContext;
  /** A new tab: its own sessionStorage, so its own sign-in. */
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (its own --user-data-dir, removed afterwards), Korean locale, Korea time. */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-admin-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1366, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    page: async () => {
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[browser]', e.message));
      return page;
    },
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page (injected through the DevTools protocol, which the page's
 * Content-Security-Policy does not apply to) and fails on any serious or critical violation.
 */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${screen}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** GraphQL against the same API, as another client would call it. */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

export async function apiLogin(email: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await gql<{ sessionCreate: { token: string | null; userErrors: unknown[] } }>(
    `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code message } } }`,
    { input: { email, password } },
  );
  if (!r.sessionCreate.token) throw new Error(`login failed for ${email}: ${JSON.stringify(r.sessionCreate.userErrors)}`);
  return r.sessionCreate.token;
}
