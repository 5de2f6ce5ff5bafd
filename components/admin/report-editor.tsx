"use client";

import { type ReactNode, useActionState, useEffect, useRef, useState, useTransition } from "react";
import { previewDraft, saveFromForm } from "@/app/quan-tri/bai-actions";
import type { EditorState } from "@/lib/admin/editor-state";
import type { FormField } from "@/lib/admin/form-fields";

// The report form (issue 14): drawn from the fields the contract describes, saved by a server
// action that works without JavaScript too. A refused save shows every problem at its field and
// keeps every word typed; the preview is the report drawn by the site's own loader and components.

interface ReportEditorProps {
  fields: FormField[];
  initial: EditorState;
  /** Whether the body began with a blank line (as files do after the front matter). */
  blankLineFirst: boolean;
  categories: string[];
  tags: string[];
}

type Row = Record<string, string>;

function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

function Problems({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul id={id} className="admin__problems">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/**
 * A list of groups (attendees): rows added, removed and moved by the editor. Each row keeps its
 * key, so React moves its inputs, with what was typed in them; their names follow the new order.
 */
function GroupList({
  field,
  rows: initialRows,
  problems,
}: {
  field: FormField;
  rows: Row[];
  problems: EditorState["problems"];
}) {
  const [rows, setRows] = useState<Array<{ key: number; values: Row }>>(() =>
    initialRows.map((values, key) => ({ key, values })),
  );
  const nextKey = useRef(initialRows.length);
  const move = (index: number, by: number) =>
    setRows((current) => {
      const copy = [...current];
      const [row] = copy.splice(index, 1);
      copy.splice(index + by, 0, row);
      return copy;
    });
  return (
    <fieldset className="admin-group">
      <legend>{field.label}</legend>
      <p className="admin__hint">{field.hint}</p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="admin-group__row">
          <legend>
            {field.label} {index + 1}
          </legend>
          {(field.fields ?? []).map((inner) => {
            const name = `${field.name}.${index}.${inner.name}`;
            return (
              <label key={inner.name}>
                {inner.label}
                {inner.required ? " *" : ""}
                <input
                  name={name}
                  defaultValue={row.values[inner.name] ?? ""}
                  aria-describedby={problems[name] ? `${name}-loi` : undefined}
                  aria-invalid={problems[name] ? true : undefined}
                />
                <Problems id={`${name}-loi`} messages={problems[name]} />
              </label>
            );
          })}
          <div className="admin-group__actions">
            <button type="button" onClick={() => move(index, -1)} disabled={index === 0}>
              Lên
            </button>
            <button type="button" onClick={() => move(index, 1)} disabled={index === rows.length - 1}>
              Xuống
            </button>
            <button type="button" onClick={() => setRows((current) => current.filter((_, i) => i !== index))}>
              Xóa {field.label.toLowerCase()} {index + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => setRows((current) => [...current, { key: nextKey.current++, values: {} }])}
      >
        Thêm {field.label.toLowerCase()}
      </button>
    </fieldset>
  );
}

function Field({
  field,
  state,
  lists,
}: {
  field: FormField;
  state: EditorState;
  lists: Record<string, string>;
}) {
  const value = state.data[field.name];
  const problems = state.problems;
  const describedBy = problems[field.name] ? `${field.name}-loi` : undefined;
  if (field.kind === "group-list") {
    const rows = Array.isArray(value)
      ? value.map((row: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, text(v)])),
        )
      : [];
    return <GroupList field={field} rows={rows} problems={problems} />;
  }
  if (field.kind === "group") {
    const group = (value ?? {}) as Record<string, unknown>;
    return (
      <fieldset className="admin-group">
        <legend>{field.label}</legend>
        <p className="admin__hint">{field.hint}</p>
        {(field.fields ?? []).map((inner) => {
          const name = `${field.name}.${inner.name}`;
          return (
            <label key={inner.name}>
              {inner.label}
              <input
                name={name}
                defaultValue={text(group[inner.name])}
                aria-invalid={problems[name] ? true : undefined}
              />
              <Problems id={`${name}-loi`} messages={problems[name]} />
            </label>
          );
        })}
        <Problems id={`${field.name}-loi`} messages={problems[field.name]} />
      </fieldset>
    );
  }
  if (field.kind === "boolean") {
    return (
      <label className="admin-check">
        <input type="checkbox" name={field.name} defaultChecked={value === true} /> {field.label}
        <span className="admin__hint">{field.hint}</span>
      </label>
    );
  }
  const hintId = `${field.name}-goi-y`;
  return (
    <label>
      {field.label}
      {field.required ? " *" : ""}
      <span id={hintId} className="admin__hint">
        {field.hint}
        {field.kind === "text-list" ? " Mỗi dòng một mục." : ""}
      </span>
      {field.kind === "text-list" ? (
        <textarea
          name={field.name}
          rows={3}
          defaultValue={Array.isArray(value) ? value.map(text).join("\n") : ""}
          aria-describedby={[hintId, describedBy].filter(Boolean).join(" ")}
          aria-invalid={describedBy ? true : undefined}
        />
      ) : (
        <input
          name={field.name}
          defaultValue={text(value)}
          list={lists[field.name]}
          required={field.required}
          aria-describedby={[hintId, describedBy].filter(Boolean).join(" ")}
          aria-invalid={describedBy ? true : undefined}
        />
      )}
      <Problems id={`${field.name}-loi`} messages={problems[field.name]} />
    </label>
  );
}

/** Typing pauses this long before the preview is drawn again. */
const PREVIEW_AFTER_MS = 800;

export function ReportEditor({ fields, initial, blankLineFirst, categories, tags }: ReportEditorProps) {
  const [state, save, saving] = useActionState(saveFromForm, initial);
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ReactNode>(null);
  const [previewing, startPreview] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Not a form submission: React would reset the form afterwards, and the editor's text with it.
  const drawPreview = () =>
    startPreview(async () => {
      if (form.current) setPreview(await previewDraft(new FormData(form.current)));
    });
  const drawPreviewSoon = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(drawPreview, PREVIEW_AFTER_MS);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const general = state.problems[""];
  return (
    <form ref={form} action={save} className="admin-form admin-editor" noValidate>
      <input type="hidden" name="tep" value={state.file ?? ""} />
      <input type="hidden" name="phien-ban" value={state.version ?? ""} />
      <input type="hidden" name="dong-dau" value={blankLineFirst ? "1" : "0"} />
      {state.message && (
        <p className={state.saved ? "admin__notice" : "admin__error"} role={state.saved ? "status" : "alert"}>
          {state.message}
        </p>
      )}
      <Problems id="loi-chung" messages={general} />
      <datalist id="chuyen-muc-da-dung">
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <p className="admin__hint">Chủ đề đã dùng: {tags.join(", ")}</p>
      {fields.map((field) => (
        <Field key={field.name} field={field} state={state} lists={{ category: "chuyen-muc-da-dung" }} />
      ))}
      <label>
        Nội dung (Markdown)
        <textarea
          name="than-bai"
          rows={20}
          defaultValue={blankLineFirst ? state.body.replace(/^\n/, "") : state.body}
          onChange={drawPreviewSoon}
        />
      </label>
      <div className="admin-editor__actions">
        <button type="submit" disabled={saving}>
          {saving ? "Đang lưu…" : "Lưu"}
        </button>
        <button type="button" onClick={drawPreview} disabled={previewing}>
          Xem trước
        </button>
      </div>
      <section className="admin-editor__preview" aria-label="Xem trước" aria-busy={previewing}>
        {preview}
      </section>
    </form>
  );
}
