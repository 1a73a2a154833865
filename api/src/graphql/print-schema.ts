import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';
import { buildAppSchema, printAppSchema } from './schema.js';

/** `pnpm schema:print` — regenerates schema/schema.graphql from the code. */
const file = path.join(REPO_ROOT, 'schema', 'schema.graphql');
fs.writeFileSync(file, printAppSchema(await buildAppSchema()));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
