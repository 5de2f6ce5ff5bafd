import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { editorDataDirectory } from "../auth/editor-data";
import type { Environment } from "./settings";

/** What IndexNow accepts as a key: 8 to 128 letters, digits and dashes. */
export const INDEXNOW_KEY_PATTERN = /^[A-Za-z0-9-]{8,128}$/;

function keyFile(): string {
  return path.join(editorDataDirectory(), "indexnow-key.txt");
}

/**
 * The site's IndexNow key: `INDEXNOW_KEY`, or one made at first use and kept beside the
 * editors' data, so every instance of the machine, and every restart, proves the same key.
 */
export function indexNowKey(environment: Environment = process.env): string {
  const given = environment.INDEXNOW_KEY?.trim();
  if (given) {
    if (!INDEXNOW_KEY_PATTERN.test(given)) {
      throw new Error(`INDEXNOW_KEY: cần 8–128 chữ cái, chữ số hoặc dấu gạch ngang`);
    }
    return given;
  }
  const file = keyFile();
  try {
    return checked(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  // Written whole beside it, then linked in place: a link fails if the file is there, so an
  // instance that loses the race reads the winner's key, never a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, randomBytes(16).toString("hex"), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return checked(readFileSync(file, "utf8"), file);
}

function checked(text: string, file: string): string {
  const key = text.trim();
  if (!INDEXNOW_KEY_PATTERN.test(key)) throw new Error(`${file}: khóa IndexNow không hợp lệ`);
  return key;
}
