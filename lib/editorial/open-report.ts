import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentDirectory } from "../content/refresh";
import { toVietnamIso } from "../dates";
import type { EditorState } from "../report-form/editor-state";
import { openReportFile } from "./report-file";
import { fileVersion, isEditableReportFile } from "./save-report";

// What the editors' form starts from: a report file as it is now, or a new report.

export interface OpenedReport {
  state: EditorState;
  blankLineFirst: boolean;
}

/** The report at /quan-tri/sua/<name>; null when no such file exists. */
export function openReportForEditing(name: string): OpenedReport | null {
  const file = `${name}.md`;
  if (!isEditableReportFile(file)) return null;
  const target = path.join(contentDirectory(), file);
  if (!existsSync(target)) return null;
  const source = readFileSync(target, "utf8");
  const { data, body } = openReportFile(source);
  return {
    state: { message: null, saved: false, file, version: fileVersion(source), problems: {}, data, body },
    blankLineFirst: body.startsWith("\n"),
  };
}

/** A new report: dated now (to the minute, Vietnam time), a draft until the editor says otherwise. */
export function newReport(now: Date = new Date()): OpenedReport {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    state: {
      message: null,
      saved: false,
      file: null,
      version: null,
      problems: {},
      data: { date: toVietnamIso(minute), draft: true },
      body: "\n",
    },
    blankLineFirst: true,
  };
}
