import { cpSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { openReportFile } from "@/lib/editorial/report-file";
import { fileVersion, saveReport } from "@/lib/editorial/save-report";
import { statusKind } from "@/lib/content";
import { type Decision, formChoices, openedWorkflow, statusLine } from "@/lib/editorial/workflow";
import { stubFolders } from "../support/environment";
import { REPO_CONTENT, SEED_FILE } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// The workflow's rules through the real save: real report files, the site's own loader, each
// role's request as the form (or a crafted request) posts it.

let content: string;
const NOW = new Date("2026-12-06T03:00:00Z");

beforeEach(() => {
  const work = temporaryFolder("quy-trinh-");
  content = path.join(work, "content");
  cpSync(REPO_CONTENT, content, { recursive: true });
  stubFolders({ editorData: path.join(work, "data") });
});

const account = (name: string, role: Role) => ({ name, role });
const reporter = account("pv-lan", "phong-vien");
const editor = account("bt-hung", "bien-tap");
const fileData = (file: string) => openReportFile(readFileSync(path.join(content, file), "utf8")).data;

const NEW_REPORT = {
  data: {
    title: "Phường Hưng Dũng ra quân dọn vệ sinh",
    date: "2026-12-06T08:00:00+07:00",
    summary: "Tin ngắn.",
  },
  body: "\nSáng nay, phường ra quân.\n",
};
const NEW_FILE = "phuong-hung-dung-ra-quan-don-ve-sinh.md";

function save(
  who: { name: string; role: Role },
  decision: Decision,
  options: { file?: string; data?: Record<string, unknown>; note?: string } = {},
) {
  const file = options.file;
  const text = file ? readFileSync(path.join(content, file), "utf8") : null;
  const opened = text ? openReportFile(text) : NEW_REPORT;
  return saveReport({
    contentDir: content,
    editor: who.name,
    draft: { data: { ...opened.data, ...options.data }, body: opened.body },
    existing: file && text ? { file, version: fileVersion(text) } : undefined,
    workflow: { account: who, decision, note: options.note ?? "" },
    now: NOW,
  });
}

describe("a reporter's report, from draft to published", () => {
  it("is the reporter's draft, sent for review, sent back with a note, sent again, and published by an editor", () => {
    expect(save(reporter, "luu")).toMatchObject({ saved: true, file: NEW_FILE });
    expect(fileData(NEW_FILE)).toMatchObject({ owner: "pv-lan", status: "ban-nhap" });

    expect(save(reporter, "gui-duyet", { file: NEW_FILE })).toMatchObject({ saved: true });
    expect(fileData(NEW_FILE)).toMatchObject({
      status: "cho-duyet",
      review: { by: "pv-lan", at: "2026-12-06T10:00:00+07:00" },
    });

    expect(save(editor, "tra-lai", { file: NEW_FILE })).toMatchObject({ saved: false, refused: true });
    expect(save(editor, "tra-lai", { file: NEW_FILE, note: "Thêm tên người phát biểu." })).toMatchObject({
      saved: true,
    });
    expect(fileData(NEW_FILE)).toMatchObject({
      status: "ban-nhap",
      returned: { by: "bt-hung", note: "Thêm tên người phát biểu." },
    });
    expect(fileData(NEW_FILE).review).toBeUndefined();

    expect(save(reporter, "gui-duyet", { file: NEW_FILE })).toMatchObject({ saved: true });
    expect(fileData(NEW_FILE).returned).toBeUndefined();
    expect(save(editor, "dang", { file: NEW_FILE })).toMatchObject({ saved: true });
    expect(fileData(NEW_FILE)).toMatchObject({ status: "da-dang", owner: "pv-lan" });
    expect(fileData(NEW_FILE).draft).toBeUndefined();

    // Out now: its reporter can no longer change it; an editor can take it down.
    expect(save(reporter, "luu", { file: NEW_FILE })).toMatchObject({ saved: false, refused: true });
    expect(save(editor, "go", { file: NEW_FILE })).toMatchObject({ saved: true });
    expect(fileData(NEW_FILE).status).toBe("da-go");
  });

  it("refuses a reporter's publish, take-down or send-back, and writes nothing", () => {
    save(reporter, "luu");
    const before = readFileSync(path.join(content, NEW_FILE), "utf8");
    for (const decision of ["dang", "go", "tra-lai"] as const) {
      expect(save(reporter, decision, { file: NEW_FILE, note: "x" })).toMatchObject({
        saved: false,
        refused: true,
      });
    }
    expect(readFileSync(path.join(content, NEW_FILE), "utf8")).toBe(before);
  });

  it("ignores workflow fields a crafted request posts: a reporter cannot publish by writing status", () => {
    save(reporter, "luu", { data: { status: "da-dang", owner: "bt-hung", draft: false } });
    expect(fileData(NEW_FILE)).toMatchObject({ status: "ban-nhap", owner: "pv-lan" });
    save(reporter, "luu", {
      file: NEW_FILE,
      data: { status: "da-dang", review: { by: "x", at: "2026-01-01" } },
    });
    expect(fileData(NEW_FILE).status).toBe("ban-nhap");
    expect(fileData(NEW_FILE).review).toBeUndefined();
  });

  it("keeps a reporter off another's report and off a file made by hand", () => {
    save(reporter, "luu");
    expect(save(account("pv-hai", "phong-vien"), "luu", { file: NEW_FILE })).toMatchObject({
      saved: false,
      refused: true,
    });
    expect(save(reporter, "luu", { file: SEED_FILE })).toMatchObject({ saved: false, refused: true });
    expect(existsSync(path.join(content, SEED_FILE))).toBe(true);
  });

  it("lets an editor's plain save keep a report as it was, and a reporter's draft saved with problems", () => {
    expect(save(editor, "luu", { file: SEED_FILE, data: { summary: "Tóm tắt mới." } })).toMatchObject({
      saved: true,
    });
    expect(fileData(SEED_FILE).status).toBeUndefined();
    expect(save(reporter, "luu", { data: { date: "không phải ngày" } })).toMatchObject({ saved: true });
  });
});

describe("scheduling", () => {
  it("schedules only with a time still to come, and says so", () => {
    save(reporter, "gui-duyet");
    expect(save(reporter, "len-lich", { file: NEW_FILE })).toMatchObject({ saved: false, refused: true });
    expect(
      save(editor, "len-lich", { file: NEW_FILE, data: { date: "2026-12-06T09:59:00+07:00" } }),
    ).toMatchObject({ saved: false, refused: true, message: expect.stringContaining("tương lai") });
    expect(
      save(editor, "len-lich", { file: NEW_FILE, data: { date: "2026-12-06T10:20:00+07:00" } }),
    ).toMatchObject({ saved: true });
    expect(fileData(NEW_FILE)).toMatchObject({ status: "da-dang", date: "2026-12-06T10:20:00+07:00" });
    expect(statusLine(fileData(NEW_FILE), NOW)).toMatchObject({
      kind: "da-len-lich",
      scheduledFor: new Date("2026-12-06T03:20:00Z"),
    });
    expect(statusLine(fileData(NEW_FILE), new Date("2026-12-06T03:20:00Z")).kind).toBe("da-dang");
  });
});

describe("what the form offers, and the status it shows", () => {
  it("offers each role only what it may do", () => {
    const draft = openedWorkflow({ owner: "pv-lan", status: "cho-duyet" });
    const published = openedWorkflow({ owner: "pv-lan" });
    expect(formChoices(reporter, null).decisions).toEqual(["luu", "gui-duyet"]);
    expect(formChoices(reporter, draft)).toMatchObject({ editable: true, correction: false, remove: false });
    expect(formChoices(reporter, published)).toMatchObject({ editable: false, decisions: [] });
    expect(formChoices(editor, draft).decisions).toEqual(["luu", "dang", "len-lich", "tra-lai"]);
    expect(formChoices(editor, published)).toMatchObject({
      decisions: ["luu", "go"],
      correction: true,
      remove: true,
    });
  });

  it("says where a report stands, from its status, or from draft for a file that says none", () => {
    expect(statusKind({ status: "cho-duyet", scheduledFor: null }, true)).toBe("cho-duyet");
    expect(statusKind({ status: "da-go", scheduledFor: null }, true)).toBe("da-go");
    expect(statusKind({ status: "ban-nhap", scheduledFor: null }, true)).toBe("ban-nhap");
    expect(statusKind({ status: null, scheduledFor: null }, true)).toBe("ban-nhap");
    expect(statusKind({ status: null, scheduledFor: null }, false)).toBe("da-dang");
    expect(
      statusLine({
        status: "ban-nhap",
        returned: { by: "bt-hung", at: "2026-12-06T10:00", note: "Thêm ảnh." },
      }),
    ).toEqual({
      kind: "ban-nhap",
      review: null,
      returned: { by: "bt-hung", at: new Date("2026-12-06T03:00:00Z"), note: "Thêm ảnh." },
      scheduledFor: null,
    });
  });
});
