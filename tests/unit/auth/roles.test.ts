import { describe, expect, it } from "vitest";
import { type Action, ACTIONS, may, mayEditReport, type Role, ROLES } from "@/lib/auth/roles";

// The role table as the issue sets it (issue 27), written out here rather than read from the
// code: every role × every action, allowed or refused.

const EXPECTED: Record<Action, Record<Role, boolean>> = {
  "viet-bai": { "phong-vien": true, "bien-tap": true, "quan-tri": true },
  "sua-bai-cua-minh": { "phong-vien": true, "bien-tap": true, "quan-tri": true },
  "sua-moi-bai": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "gui-duyet": { "phong-vien": true, "bien-tap": true, "quan-tri": true },
  "duyet-dang": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "len-lich": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "tra-lai": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "go-bai": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "dinh-chinh": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "xoa-bai": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "khoi-phuc": { "phong-vien": false, "bien-tap": true, "quan-tri": true },
  "tai-anh": { "phong-vien": true, "bien-tap": true, "quan-tri": true },
  "xem-lich-su": { "phong-vien": true, "bien-tap": true, "quan-tri": true },
  "quan-ly-tai-khoan": { "phong-vien": false, "bien-tap": false, "quan-tri": true },
};

describe("who may do what", () => {
  it.each(ACTIONS.flatMap((action) => ROLES.map((role) => [role, action] as const)))(
    "%s: %s",
    (role, action) => {
      expect(may(role, action)).toBe(EXPECTED[action][role]);
    },
  );

  it("covers every action the code knows", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  it("lets a reporter change only a report of their own that no editor has let out", () => {
    const reporter = { name: "pv-lan", role: "phong-vien" as const };
    expect(mayEditReport(reporter, { owner: "pv-lan", released: false })).toBe(true);
    expect(mayEditReport(reporter, { owner: "pv-lan", released: true })).toBe(false);
    expect(mayEditReport(reporter, { owner: "pv-hai", released: false })).toBe(false);
    expect(mayEditReport(reporter, { owner: null, released: false })).toBe(false);
    for (const role of ["bien-tap", "quan-tri"] as const) {
      expect(mayEditReport({ name: "bt", role }, { owner: "pv-lan", released: true })).toBe(true);
    }
  });
});
