import { readdirSync } from "node:fs";
import path from "node:path";

export function contentDirectory(): string {
  // Content is read at build time only: keep it out of the server bundle's file tracing.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? path.join(process.cwd(), "content"));
}

/** A content folder as messages name it, relative to where the command runs: "content/". */
export function folderLabel(directory: string): string {
  return `${path.relative(process.cwd(), directory) || "."}/`;
}

/**
 * Which files of a content folder are reports, for the loader and the watcher alike: Markdown files,
 * except those whose name starts with "_" (editors' notes).
 */
export function isReportFileName(name: string): boolean {
  return name.endsWith(".md") && !name.startsWith("_");
}

/** The report files of a content folder, by name. */
export function listReportFiles(directory: string): string[] {
  return readdirSync(directory).filter(isReportFileName).sort();
}
