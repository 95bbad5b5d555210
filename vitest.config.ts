import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/node/**/*.test.ts'],
    environment: 'node',
    // The tests run the real commands, which run the build of the Node code (scripts/build-node.mjs).
    globalSetup: ['tests/support/buildNode.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
