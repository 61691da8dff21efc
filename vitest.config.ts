import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Browser tests each start Chromium; on 2 cores running files one at a time is faster and steadier.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
