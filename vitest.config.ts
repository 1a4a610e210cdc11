import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Fixed so date logic is tested the same on every machine; tests needing another zone set it themselves.
    env: { TZ: 'Europe/Berlin' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
