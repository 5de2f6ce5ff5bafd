import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Answer, createBatchedSender, doublingBackoff } from "@/lib/notify/batched-sender";

// The sender on fake timers: what goes in one submission, and when a failed one is tried again.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function sender(answers: Array<Answer | Error>, options: { maxBatch?: number; attempts?: number } = {}) {
  const sent: string[][] = [];
  const lines: string[] = [];
  const batched = createBatchedSender({
    name: "Thử",
    log: (line) => lines.push(line),
    gatherMs: 2000,
    maxBatch: options.maxBatch ?? 10_000,
    attempts: options.attempts ?? 7,
    backoffMs: doublingBackoff,
    send: async (items) => {
      sent.push(items);
      const answer = answers.shift() ?? { status: 200 };
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { batched, sent, lines };
}

describe("a batched sender", () => {
  it("sends a burst once, each address once, 2 s after its first change", async () => {
    const { batched, sent, lines } = sender([]);
    batched.add(["/a", "/b"]);
    await vi.advanceTimersByTimeAsync(1500);
    batched.add(["/b", "/c", "/a"]);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([["/a", "/b", "/c"]]);
    expect(lines).toEqual(["Thử: 3 địa chỉ, lần 1: nhận (200)"]);
  });

  it("keeps what comes while a batch is out for the next one, and splits past the batch size", async () => {
    const { batched, sent } = sender([{ status: 503 }], { maxBatch: 2 });
    batched.add(["/a", "/b", "/c"]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual([["/a", "/b"]]);
    // While /a and /b wait to be tried again, /d comes.
    batched.add(["/d"]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([
      ["/a", "/b"],
      ["/a", "/b"],
    ]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.slice(2)).toEqual([["/c", "/d"]]);
    const done = batched.idle();
    await vi.runAllTimersAsync();
    await done;
  });

  it("tries again after 1 s, 2 s, 4 s … and after what a 429 asks for", async () => {
    const { batched, sent, lines } = sender([
      { status: 503 },
      new Error("ECONNREFUSED"),
      { status: 429, retryAfterMs: 30_000 },
      { status: 202 },
    ]);
    batched.add(["/a"]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(4);
    expect(lines).toEqual([
      "Thử: 1 địa chỉ, lần 1: thử lại sau 1 s (503)",
      "Thử: không gửi được (ECONNREFUSED)",
      "Thử: 1 địa chỉ, lần 2: thử lại sau 2 s (không kết nối được)",
      "Thử: 1 địa chỉ, lần 3: thử lại sau 30 s (429)",
      "Thử: 1 địa chỉ, lần 4: nhận (202)",
    ]);
  });

  it("does not try again what would be refused again, and gives up after its tries", async () => {
    const refused = sender([{ status: 403 }]);
    refused.batched.add(["/a"]);
    await vi.runAllTimersAsync();
    expect(refused.sent).toHaveLength(1);
    expect(refused.lines).toEqual(["Thử: 1 địa chỉ, lần 1: bỏ (403)"]);

    const down = sender(
      Array.from({ length: 10 }, () => ({ status: 500 })),
      { attempts: 3 },
    );
    down.batched.add(["/a"]);
    await vi.runAllTimersAsync();
    expect(down.sent).toHaveLength(3);
    expect(down.lines.at(-1)).toBe("Thử: 1 địa chỉ, lần 3: bỏ (500)");
  });

  it("waits at most a minute and a half between tries", () => {
    expect([1, 2, 3, 7, 8, 20].map(doublingBackoff)).toEqual([1000, 2000, 4000, 64_000, 90_000, 90_000]);
  });
});
