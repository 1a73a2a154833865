import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url + '/../api/');

// graphql is a dual CJS/ESM package: type-graphql requires the CJS build, so every import of
// graphql in tests must resolve to that same file (see ../shared/STACK.md).
const graphqlCjs = require.resolve('graphql/index.js', { paths: [new URL('./api/', import.meta.url).pathname] });

export default defineConfig({
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: graphqlCjs },
      // Tests run workspace packages from source; the app runs their build (pnpm start builds them).
      { find: /^@kok\/korean-text$/, replacement: new URL('./packages/korean-text/src/index.ts', import.meta.url).pathname },
      { find: /^@kok\/recommender$/, replacement: new URL('./packages/recommender/src/index.ts', import.meta.url).pathname },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          root: './api',
          include: ['src/**/*.spec.ts', 'e2e/**/*.e2e-spec.ts'],
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: { name: 'packages', root: './packages', include: ['*/src/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: {
          // The admin app: unit tests of its logic, and browser tests in a real Chromium against
          // the real API (started by the global setup on its own embedded PostgreSQL).
          name: 'admin',
          root: './admin',
          include: ['e2e/**/*.spec.ts', 'src/**/*.spec.ts'],
          globalSetup: ['./e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          // The admin app's components rendered in jsdom (React Testing Library), each test
          // answering for the API through a test urql client: no API, no database, no browser.
          // jsdom (29.x, the last line that runs on Node 20) because Testing Library and MUI test
          // themselves against it: focus, accessible names and descriptions behave as there.
          name: 'admin-components',
          root: './admin',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          // A test takes about a second alone; CI's two cores also run the API and browser tests.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
