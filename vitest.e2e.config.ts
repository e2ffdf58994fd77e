import { defineConfig } from "vitest/config";

// Real-Docker end-to-end suite: `bash test/e2e/run.sh` (sets up docker + stand-in images first).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    env: { DFSPLIT_E2E: "1" },
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
    reporters: ["verbose"],
  },
});
