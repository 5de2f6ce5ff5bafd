import { parseReportDate } from "../dates";
import type { FormField } from "./form-fields";

// What the editors' form posts, back into front-matter data. Inputs are named after
// the fields: `title`; `source.name`; `attendees.0.name`; a list of texts is one item per line;
// a box ticked is "on". A date left as it was opened keeps the way it was written.

function texts(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function valueOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

function groupOf(form: FormData, prefix: string, fields: FormField[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, valueOf(form, `${prefix}.${field.name}`)]));
}

/** The rows of a list of groups, in the order the form posted them. */
function groupsOf(form: FormData, name: string, fields: FormField[]): Array<Record<string, string>> {
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const match = new RegExp(`^${name}\\.(\\d{1,4})\\.`).exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b).map((index) => groupOf(form, `${name}.${index}`, fields));
}

/**
 * Front-matter data from a posted form. `opened`: the data the form was filled from, whose dates
 * are kept as written when the form gives the same instant.
 */
export function dataFromForm(
  form: FormData,
  fields: FormField[],
  opened: Record<string, unknown> = {},
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    switch (field.kind) {
      case "boolean":
        data[field.name] = form.get(field.name) === "on";
        break;
      case "text-list":
        data[field.name] = texts(valueOf(form, field.name));
        break;
      case "group":
        data[field.name] = groupOf(form, field.name, field.fields ?? []);
        break;
      case "group-list":
        data[field.name] = groupsOf(form, field.name, field.fields ?? []);
        break;
      case "date": {
        const given = valueOf(form, field.name);
        const before = opened[field.name];
        const same =
          typeof before === "string" &&
          parseReportDate(before)?.getTime() !== undefined &&
          parseReportDate(before)?.getTime() === parseReportDate(given)?.getTime();
        data[field.name] = same ? before : given;
        break;
      }
      default:
        data[field.name] = valueOf(form, field.name);
    }
  }
  // A box left unticked on a report that never said `draft` keeps saying nothing.
  if (data.draft === false && opened.draft === undefined) delete data.draft;
  return data;
}
