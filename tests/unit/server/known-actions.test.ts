import { describe, expect, it } from "vitest";
import { actionIdsOf } from "@/lib/server/known-actions";

describe("the server actions a build made", () => {
  it("are the Node.js runtime's ids in Next's manifest", () => {
    const manifest = JSON.stringify({
      node: { "00de8b49": { filename: "app/quan-tri/dang-nhap/actions.ts", exportedName: "signOut" } },
      edge: {},
      encryptionKey: "k",
    });
    const ids = actionIdsOf(manifest);
    expect(ids?.has("00de8b49")).toBe(true);
    expect(ids?.has("deadbeef")).toBe(false);
  });

  it("are unknown, not empty, when the text is not a manifest", () => {
    expect(actionIdsOf("{")).toBeNull();
    expect(actionIdsOf(JSON.stringify({ edge: {} }))).toBeNull();
  });
});
