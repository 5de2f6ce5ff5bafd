import { BODY_FIELD, type ContentProblem, formatProblem } from "../content/refresh";
import { reportInputs } from "./field-names";

// What the editors' form shows after a save, kept apart from the actions so the client
// form can import its type and its first value.

export interface EditorState {
  /** Said at the top of the form: saved, refused, or why. */
  message: string | null;
  saved: boolean;
  /** The file the form edits (null: a new report not saved yet) and the version it holds now. */
  file: string | null;
  version: string | null;
  /** Problems by input name ("title", "attendees.0.name"); "" for the report as a whole. */
  problems: Record<string, string[]>;
  /** What was posted, so that a refused save keeps every word the editor typed. */
  data: Record<string, unknown>;
  body: string;
}

/**
 * "attendees[2].name" (as `npm run check-content` names it, counted from 1) → "attendees.1.name";
 * the body's problems ("nội dung") go to its textarea.
 */
export function inputName(field: string | null): string {
  if (!field) return "";
  if (field === BODY_FIELD) return reportInputs.body;
  return field.replace(/\[(\d+)\]/g, (_, n: string) => `.${Number(n) - 1}`);
}

export function problemsByInput(problems: ContentProblem[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const problem of problems) {
    const name = inputName(problem.field);
    (grouped[name] ??= []).push(name ? problem.message : formatProblem(problem));
  }
  return grouped;
}
