import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, baseUrl, type Browser, DEMO, expectNoSeriousA11yViolations, gql, launchBrowser, signIn } from './browser.js';

// Every main screen of the registry, as the institute administrator sees it on the demo data:
// each one is waited for until its heading and its data are on screen, saved as a full-page
// screenshot in e2e/screenshots/<name>.png (not committed) and scanned with axe-core.
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCREENSHOTS = path.join(HERE, 'screenshots');
/**
 * The paths of src/routes/registry.ts's SCREENS, read from its source (importing it would pull
 * the app's bundler-style imports into these Node-resolved tests).
 */
const REGISTRY_PATHS = [...fs.readFileSync(path.join(HERE, '../src/routes/registry.ts'), 'utf8').matchAll(/\{ path: '([^']+)', label: /g)].map((m) => m[1]);

let browser: Browser;
let page: Page;
let minjun: { id: string; name: string };

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const token = await apiLogin(DEMO.admin);
  minjun = (await gql<any>(`{ servants(first: 1, filter: { search: "GG000001" }) { edges { node { id name } } } }`, {}, token)).servants.edges[0].node;
  browser = await launchBrowser();
  page = await browser.page();
  await signIn(page, DEMO.admin);
  await page.waitForURL('**/dashboard');
});
afterAll(() => browser?.close());

const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
/** No loading indicator left: neither the Loading view nor a busy (indeterminate) progress bar labelled as loading. */
const noProgress = async () => {
  await expect.poll(() => page.getByText('불러오는 중', { exact: false }).count()).toBe(0);
  await expect.poll(() => page.locator('[role="progressbar"]:not([aria-valuenow])').count()).toBe(0);
};

interface Screen {
  name: string;
  /** The registry path the screen belongs to (every entry of the registry must be covered). */
  registry: string;
  url: () => string;
  /** Resolves when the heading and the screen's data are shown. */
  ready: () => Promise<void>;
}

const screens: Screen[] = [
  {
    name: 'dashboard',
    registry: '/dashboard',
    url: () => '/dashboard',
    ready: async () => {
      await h1('대시보드');
      for (const id of ['dashboard-funnel', 'dashboard-participation', 'dashboard-credits', 'dashboard-overdue']) await page.getByTestId(`${id}-summary`).waitFor();
    },
  },
  {
    name: 'servants',
    registry: '/servants',
    url: () => '/servants',
    ready: async () => {
      await h1('공무원');
      await page.getByText('총 300명').waitFor();
      await page.locator('[role="row"][data-id]').first().waitFor();
    },
  },
  {
    name: 'servant-profile',
    registry: '/servants',
    url: () => `/servants/${encodeURIComponent(minjun.id)}`,
    ready: async () => {
      await h1(new RegExp(minjun.name));
      for (const section of ['기본 정보', '근무 이력', '교육 이력', '관심 분야와 취미', '학점', '법정 의무교육', '추천 교육과 추천 이유']) {
        await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
      }
      await noProgress();
    },
  },
  {
    name: 'servants-import',
    registry: '/servants',
    url: () => '/servants/import',
    ready: async () => {
      await h1('공무원 CSV 가져오기');
      await page.getByLabel('CSV 파일').waitFor({ state: 'attached' });
    },
  },
  {
    name: 'demands',
    registry: '/demands',
    url: () => '/demands',
    ready: async () => {
      await h1('교육 수요');
      await page.getByText(/^총 \d+건$/).waitFor();
      await page.getByRole('button', { name: / 자세히 보기$/ }).first().waitFor();
    },
  },
  {
    name: 'catalogue',
    registry: '/catalogue',
    url: () => '/catalogue',
    ready: async () => {
      await h1('강의 목록');
      await page.getByText(/^총 \d+개$/).waitFor();
      await page.locator('[role="row"][data-id]').first().waitFor();
    },
  },
  {
    name: 'rounds',
    registry: '/rounds',
    url: () => '/rounds',
    ready: async () => {
      await h1('수강 신청 차수');
      // The rounds other test files made meanwhile, or (on a fresh database) the empty notice.
      await page.getByRole('region', { name: / 차수$/ }).or(page.getByText('아직 만든 차수가 없습니다.')).first().waitFor();
      await page.getByText('● 실시간 연결됨').waitFor();
    },
  },
  {
    name: 'credits',
    registry: '/credits',
    url: () => `/credits?servant=${encodeURIComponent(minjun.id)}`,
    ready: async () => {
      await h1('학점 은행');
      await page.getByRole('heading', { level: 2, name: `${minjun.name}(GG000001)의 학점 원장` }).waitFor();
      await expect.poll(() => page.locator('#credit-balance-value').innerText()).toMatch(/학점$/);
      await noProgress();
    },
  },
  {
    name: 'certifications',
    registry: '/certifications',
    url: () => '/certifications',
    ready: async () => {
      await h1('인증·의무교육');
      for (const id of ['certs-programs', 'certs-rules', 'certs-overdue']) await page.locator(`#${id}`).waitFor();
      await page.getByRole('table').first().waitFor();
      await noProgress();
    },
  },
  {
    name: 'access-log',
    registry: '/access-log',
    url: () => '/access-log',
    ready: async () => {
      await h1('개인정보 접근 기록');
      await page.getByTestId('access-log-table').locator('tbody tr').first().waitFor();
    },
  },
];

describe('every main screen', () => {
  it('covers every screen of the registry', () => {
    expect(REGISTRY_PATHS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(screens.map((s) => s.registry))).toEqual(new Set(REGISTRY_PATHS));
  });

  it('saves a screenshot of every main screen, each with its data shown and no serious accessibility violation', async () => {
    for (const s of screens) {
      await page.goto(`${baseUrl()}${s.url()}`);
      await s.ready();
      const file = path.join(SCREENSHOTS, `${s.name}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      expect(fs.statSync(file).size, s.name).toBeGreaterThan(10_000);
      await expectNoSeriousA11yViolations(page, s.name);
    }
  });
});
