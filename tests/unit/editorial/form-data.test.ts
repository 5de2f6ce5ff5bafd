import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataFromForm } from "@/lib/report-form/form-data";
import { reportFormFields } from "@/lib/report-form/form-fields";
import { openReportFile, reportFileText } from "@/lib/editorial/report-file";
import { REPO_CONTENT, SEED_FILE } from "../support/paths";

const SEED = path.join(REPO_CONTENT, SEED_FILE);
const fields = reportFormFields();

/** The form as a browser posts it, filled from a report's data as the editors' page fills it. */
function filledForm(data: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const field of fields) {
    const value = data[field.name];
    if (field.kind === "boolean") {
      if (value === true) form.set(field.name, "on");
    } else if (field.kind === "text-list") {
      form.set(field.name, ((value as string[] | undefined) ?? []).join("\n"));
    } else if (field.kind === "group") {
      for (const inner of field.fields ?? []) {
        form.set(
          `${field.name}.${inner.name}`,
          String((value as Record<string, unknown> | undefined)?.[inner.name] ?? ""),
        );
      }
    } else if (field.kind === "group-list") {
      ((value as Array<Record<string, unknown>> | undefined) ?? []).forEach((row, index) => {
        for (const inner of field.fields ?? [])
          form.set(`${field.name}.${index}.${inner.name}`, String(row[inner.name] ?? ""));
      });
    } else {
      form.set(field.name, String(value ?? ""));
    }
  }
  return form;
}

describe("the form's data", () => {
  it("gives back the seed report byte for byte when posted unchanged", () => {
    const source = readFileSync(SEED, "utf8");
    const opened = openReportFile(source);
    const data = dataFromForm(filledForm(opened.data), fields, opened.data);
    expect(reportFileText({ data, body: opened.body }, source)).toBe(source);
  });

  it("keeps a date as written when the form shows the same instant another way", () => {
    const opened = { title: "Bài", date: "2021-01-12T08:00:00+07:00" };
    const form = filledForm(opened);
    form.set("date", "2021-01-12T08:00");
    expect(dataFromForm(form, fields, opened).date).toBe("2021-01-12T08:00:00+07:00");
    form.set("date", "2021-01-12T09:30");
    expect(dataFromForm(form, fields, opened).date).toBe("2021-01-12T09:30");
  });

  it("reads attendees in the order posted, tags one per line, and the draft box", () => {
    const form = new FormData();
    form.set("title", "  Bài mới  ");
    form.set("tags", "Thành phố Vinh\n\n  Môi trường \r\n");
    form.set("attendees.3.name", "Trần Ngọc Tú");
    form.set("attendees.1.name", "Nguyễn Văn A");
    form.set("attendees.1.rank", "Đại tá");
    form.set("draft", "on");
    const data = dataFromForm(form, fields);
    expect(data.title).toBe("Bài mới");
    expect(data.tags).toEqual(["Thành phố Vinh", "Môi trường"]);
    expect(data.draft).toBe(true);
    expect(data.attendees).toEqual([
      { name: "Nguyễn Văn A", id: "", rank: "Đại tá", role: "" },
      { name: "Trần Ngọc Tú", id: "", rank: "", role: "" },
    ]);
  });
});
