import { describe, expect, it } from "vitest";
import { reportFormFields } from "@/lib/report-form/form-fields";
import { FRONT_MATTER_FIELDS, WORKFLOW_FIELDS } from "@/lib/content/refresh";

describe("the editors' form, drawn from the contract", () => {
  const fields = reportFormFields();

  it("has one input per front-matter field, in the contract's order, but the workflow's, which the server writes", () => {
    expect(fields.map((field) => field.name)).toEqual(
      FRONT_MATTER_FIELDS.filter((name) => !(WORKFLOW_FIELDS as readonly string[]).includes(name)),
    );
    expect(WORKFLOW_FIELDS.every((name) => FRONT_MATTER_FIELDS.includes(name))).toBe(true);
  });

  it("gives each its kind, whether it is required, and the contract's description as its hint", () => {
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.title).toMatchObject({ kind: "text", required: true, label: "Tiêu đề" });
    expect(byName.date).toMatchObject({ kind: "date", required: true });
    expect(byName.summary).toMatchObject({ kind: "text", required: false });
    expect(byName.draft).toMatchObject({ kind: "boolean", required: false });
    expect(byName.tags).toMatchObject({ kind: "text-list" });
    expect(byName.attendeeGroups).toMatchObject({ kind: "text-list" });
    expect(byName.source.kind).toBe("group");
    expect(byName.source.fields?.map((field) => field.name)).toEqual(["name", "url"]);
    expect(byName.attendees.kind).toBe("group-list");
    expect(byName.attendees.fields?.map((field) => [field.name, field.required])).toEqual([
      ["name", true],
      ["id", false],
      ["rank", false],
      ["role", false],
    ]);
    for (const field of fields) expect(field.hint, field.name).not.toBe("");
  });
});
