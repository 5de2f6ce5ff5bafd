import { test } from "@playwright/test";

/** Publishing's budget is 5 s; the deadline leaves room for a machine three times slower. */
export const DEADLINE_MS = 15_000;

/**
 * Polls until `check` holds (a check that throws, say a server restarting, counts as not yet);
 * returns how long that took, in ms, and records it on the test.
 */
export async function within(
  what: string,
  check: () => Promise<boolean>,
  deadlineMs = DEADLINE_MS,
): Promise<number> {
  const started = performance.now();
  while (!(await check().catch(() => false))) {
    if (performance.now() - started > deadlineMs)
      throw new Error(`${what}: not within ${deadlineMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const elapsed = Math.round(performance.now() - started);
  test.info().annotations.push({ type: "thời gian", description: `${what}: ${elapsed} ms` });
  return elapsed;
}
