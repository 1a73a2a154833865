import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './common/logger.js';
import { startApp } from './app.js';
import { DEMO_PASSWORD } from './db/seed/seed.js';

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
const log = createLogger(config.logLevel);
const app = await startApp(config, { log });
const base = `http://localhost:${app.port}`;
const lines = [
  '',
  `  경기 맘대로 콕 API is ready: ${base}/graphql  (health: ${base}/healthz, ready: ${base}/readyz)`,
  `  database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL (${config.dataDir}/pg)`}`,
];
if (config.demo) {
  lines.push(app.seeded ? `  seeded demo data: ${app.seeded.organizations} organisations, ${app.seeded.servants} servants` : '  demo data: already present');
  lines.push(`  demo logins (password "${DEMO_PASSWORD}"):`);
  for (const [email, what] of [
    ['admin@demo.kok.go.kr', 'institute administrator'],
    ['suwon.admin@demo.kok.go.kr', '수원시 organisation administrator'],
    ['seongnam.admin@demo.kok.go.kr', '성남시 organisation administrator'],
    ['reporter@demo.kok.go.kr', 'reporting account'],
    ['gg000001@demo.kok.go.kr', 'servant 김민준 (수원시 정보통신과)'],
  ]) lines.push(`    ${email.padEnd(32)} ${what}`);
}
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    app
      .stop()
      .then(() => process.exit(0))
      .catch((e) => {
        log.error('stop failed', { error: String(e) });
        process.exit(1);
      });
  });
}
