import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/helpers/web-runtime-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
