import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // In CI, one line per test as it ends: a run that hangs then shows which file never finished.
    reporters: process.env.CI ? ["verbose"] : ["default"],
  },
});
