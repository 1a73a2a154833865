import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129024802 } from './Migration20261129024802.js';
import { Migration20261129025000 } from './Migration20261129025000.js';
import { Migration20261129031044 } from './Migration20261129031044.js';
import { Migration20261129031500 } from './Migration20261129031500.js';
import { Migration20261129032558 } from './Migration20261129032558.js';
import { Migration20261129040000 } from './Migration20261129040000.js';
import { Migration20261129050000 } from './Migration20261129050000.js';
import { Migration20261129051000 } from './Migration20261129051000.js';
import { Migration20261129060000 } from './Migration20261129060000.js';
import { Migration20261129070000 } from './Migration20261129070000.js';
import { Migration20261129080000 } from './Migration20261129080000.js';

/** Migrations in order. Listed explicitly so builds, tests and tools apply the same set. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261129024802', class: Migration20261129024802 },
  { name: 'Migration20261129025000', class: Migration20261129025000 },
  { name: 'Migration20261129031044', class: Migration20261129031044 },
  { name: 'Migration20261129031500', class: Migration20261129031500 },
  { name: 'Migration20261129032558', class: Migration20261129032558 },
  { name: 'Migration20261129040000', class: Migration20261129040000 },
  { name: 'Migration20261129050000', class: Migration20261129050000 },
  { name: 'Migration20261129051000', class: Migration20261129051000 },
  { name: 'Migration20261129060000', class: Migration20261129060000 },
  { name: 'Migration20261129070000', class: Migration20261129070000 },
  { name: 'Migration20261129080000', class: Migration20261129080000 },
];
