import { fileURLToPath } from 'node:url';
import { defineFixtureTests } from './harness.js';

defineFixtureTests(fileURLToPath(new URL('./fixtures', import.meta.url)));
