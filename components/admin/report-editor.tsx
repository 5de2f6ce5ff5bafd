"use client";

import { unstable_rethrow } from "next/navigation";
import {
  type FormEvent,
  type ReactNode,
  useActionState,
  useEffect,
  useRef,
  useState,
  useTransition,
} from "react";
import { requestFormReset } from "react-dom";
import type { PhotoUpload } from "@/lib/editorial/editor-form";
import type { Decision } from "@/lib/editorial/workflow";
import type { EditorState } from "@/lib/report-form/editor-state";
import { photoInputs, photoUploadInputs, reportInputs } from "@/lib/report-form/field-names";
import { dataFromForm } from "@/lib/report-form/form-data";
import type { FormField } from "@/lib/report-form/form-fields";

// The report form: drawn from the fields the contract describes, saved by a server
// action that works without JavaScript too. A refused save shows every problem at its field and
// keeps every word typed; the preview is the report drawn by the site's own loader and components.

/** The server actions the form posts to, given by its page (app/quan-tri/_bai/actions.tsx). */
export interface ReportEditorActions {
  saveAction: (previous: EditorState, form: FormData) => Promise<EditorState>;
  previewAction: (form: FormData) => Promise<ReactNode>;
  uploadAction: (form: FormData) => Promise<PhotoUpload>;
  deleteAction: (previous: void, form: FormData) => Promise<void>;
}

/** A save button: what it asks of the workflow, and its words. */
export interface SaveButton {
  decision: Decision;
  label: string;
}

interface ReportEditorProps extends ReportEditorActions {
  fields: FormField[];
  /** The save buttons the account's role offers on this report (none: it may only read it). */
  buttons: SaveButton[];
  /** Whether the form offers a correction, and deleting the report. */
  correction: boolean;
  remove: boolean;
  initial: EditorState;
  /** Whether the body began with a blank line (as files do after the front matter). */
  blankLineFirst: boolean;
  categories: string[];
  tags: string[];
  /** The page's own address, where the forms post without JavaScript. */
  permalink: string;
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
              <div key={inner.name} className="admin-field">
                <label>
                  {inner.label}
                  {inner.required ? " *" : ""}
                  <input
                    name={name}
                    defaultValue={row.values[inner.name] ?? ""}
                    aria-describedby={problems[name] ? `${name}-loi` : undefined}
                    aria-invalid={problems[name] ? true : undefined}
                  />
                </label>
                <Problems id={`${name}-loi`} messages={problems[name]} />
              </div>
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

/** A list of texts with known values: a box that suggests them and adds the chosen one as a line. */
function ListWithSuggestions({
  field,
  value,
  listId,
  describedBy,
  children,
}: {
  field: FormField;
  value: unknown;
  listId: string;
  describedBy: string;
  /** The label's words and hint. */
  children: ReactNode;
}) {
  const list = useRef<HTMLTextAreaElement>(null);
  const [adding, setAdding] = useState("");
  const add = () => {
    const item = adding.trim();
    if (!list.current || !item) return;
    const items = list.current.value
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (!items.includes(item)) list.current.value = [...items, item].join("\n");
    setAdding("");
  };
  // The add box beside the label, not in it: a label holds one control (HTML's rule).
  return (
    <>
      <label>
        {children}
        <textarea
          ref={list}
          name={field.name}
          rows={3}
          defaultValue={Array.isArray(value) ? value.map(text).join("\n") : ""}
          aria-describedby={describedBy}
        />
      </label>
      <span className="admin__add">
        <input
          aria-label={`Thêm ${field.label.toLowerCase()} (gợi ý từ những cái đã dùng)`}
          list={listId}
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" onClick={add}>
          Thêm
        </button>
      </span>
    </>
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
            <div key={inner.name} className="admin-field">
              <label>
                {inner.label}
                <input
                  name={name}
                  defaultValue={text(group[inner.name])}
                  aria-describedby={problems[name] ? `${name}-loi` : undefined}
                  aria-invalid={problems[name] ? true : undefined}
                />
              </label>
              <Problems id={`${name}-loi`} messages={problems[name]} />
            </div>
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
  if (field.kind === "choice") {
    return (
      <div className="admin-field">
        <label>
          {field.label}
          <span id={hintId} className="admin__hint">
            {field.hint}
          </span>
          <select name={field.name} defaultValue={text(value)} aria-describedby={hintId}>
            <option value="">Không chọn</option>
            {(field.options ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <Problems id={`${field.name}-loi`} messages={problems[field.name]} />
      </div>
    );
  }
  const heading = (
    <>
      {field.label}
      {field.required ? " *" : ""}
      <span id={hintId} className="admin__hint">
        {field.hint}
        {field.kind === "text-list" ? " Mỗi dòng một mục." : ""}
      </span>
    </>
  );
  if (field.kind === "text-list" && lists[field.name]) {
    return (
      <div className="admin-field">
        <ListWithSuggestions
          field={field}
          value={value}
          listId={lists[field.name]}
          describedBy={[hintId, describedBy].filter(Boolean).join(" ")}
        >
          {heading}
        </ListWithSuggestions>
        <Problems id={`${field.name}-loi`} messages={problems[field.name]} />
      </div>
    );
  }
  // The problems beside the label, not in it: a list is not allowed in a label (HTML's rule).
  return (
    <div className="admin-field">
      <label>
        {heading}
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
      </label>
      <Problems id={`${field.name}-loi`} messages={problems[field.name]} />
    </div>
  );
}

/**
 * What the editor is told when an action never reached the server or came back broken (the
 * network gone, a proxy refusing the size, the server failing): a server action then throws, and
 * an error page would take the form's text with it.
 */
export function unsentMessage(what: string, online: boolean): string {
  return online
    ? `${what}: máy chủ không nhận yêu cầu (phiên đăng nhập có thể đã hết, dữ liệu gửi lên quá lớn — ảnh tối đa 15 MB — hoặc máy chủ đang lỗi). Mọi chữ đã gõ vẫn còn trong biểu mẫu; hãy thử lại, hoặc chép nội dung ra nơi khác trước khi tải lại trang.`
    : `${what}: mất kết nối mạng. Mọi chữ đã gõ vẫn còn trong biểu mẫu; hãy thử lại khi có mạng.`;
}

/** A server action's failure, unless it is Next's own redirect or not-found, which must go on. */
function failure(error: unknown, what: string): string {
  unstable_rethrow(error);
  console.error(error);
  return unsentMessage(what, navigator.onLine);
}

/** Typing pauses this long before the preview is drawn again. */
const PREVIEW_AFTER_MS = 800;

export function ReportEditor({
  fields,
  initial,
  blankLineFirst,
  categories,
  tags,
  saveAction,
  previewAction,
  uploadAction,
  deleteAction,
  permalink,
  buttons,
  correction,
  remove,
}: ReportEditorProps) {
  // Without JavaScript the forms post to the actions themselves (and the permalink is the form's
  // address: action="" is not valid HTML). With it, the submit handlers below call them, so that
  // a failure is caught and the form kept, which a form action's error would not allow.
  const [served, save] = useActionState(saveAction, initial, permalink);
  const [, deleteNow] = useActionState(deleteAction, undefined, permalink);
  const [state, setState] = useState(served);
  const [saving, startSave] = useTransition();
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);
  const [, startDelete] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const submitSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    // With the button pressed: it says what the save asks (send for review, publish…).
    const posted = new FormData(target, (event.nativeEvent as SubmitEvent).submitter);
    startSave(async () => {
      let next: EditorState;
      try {
        next = await saveAction(state, posted);
      } catch (error) {
        const typed = String(posted.get(reportInputs.body) ?? "").replace(/\r\n?/g, "\n");
        setState({
          ...state,
          saved: false,
          problems: {},
          message: failure(error, "Chưa lưu được"),
          data: dataFromForm(posted, fields, state.data),
          body: blankLineFirst ? `\n${typed}` : typed,
        });
        return;
      }
      setState(next);
      // As after a form action: the inputs take what the server kept.
      requestFormReset(target);
    });
  };
  const submitDelete = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const posted = new FormData(event.currentTarget);
    startDelete(async () => {
      try {
        await deleteAction(undefined, posted);
      } catch (error) {
        setDeleteProblem(failure(error, "Chưa xóa được"));
      }
    });
  };
  const [preview, setPreview] = useState<ReactNode>(null);
  const [previewing, startPreview] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Not a form submission: React would reset the form afterwards, and the editor's text with it.
  const drawPreview = () =>
    startPreview(async () => {
      if (!form.current) return;
      try {
        setPreview(await previewAction(new FormData(form.current)));
      } catch (error) {
        setPreview(
          <p className="admin__error" role="alert">
            {failure(error, "Chưa xem trước được")}
          </p>,
        );
      }
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
  const body = useRef<HTMLTextAreaElement>(null);
  const [upload, setUpload] = useState<string | null>(null);
  const [uploading, startUpload] = useTransition();
  // The photo goes up on its own, then its line is added at the end of the body.
  const sendPhoto = () =>
    startUpload(async () => {
      if (!form.current || !body.current) return;
      const all = new FormData(form.current);
      const photo = new FormData();
      for (const name of photoUploadInputs) {
        const value = all.get(name);
        if (value !== null) photo.set(name, value);
      }
      let result: PhotoUpload;
      try {
        result = await uploadAction(photo);
      } catch (error) {
        setUpload(failure(error, "Chưa tải được ảnh"));
        return;
      }
      setUpload(result.message);
      if (!result.line) return;
      body.current.value = `${body.current.value.replace(/\n*$/, "")}\n\n${result.line}\n`;
      for (const name of photoInputs) {
        const input = form.current.elements.namedItem(name);
        if (input instanceof HTMLInputElement) input.value = "";
      }
      drawPreview();
    });
  const general = state.problems[""];
  return (
    <>
      <form ref={form} action={save} onSubmit={submitSave} className="admin-form admin-editor" noValidate>
        <input type="hidden" name={reportInputs.file} value={state.file ?? ""} />
        <input type="hidden" name={reportInputs.version} value={state.version ?? ""} />
        <input type="hidden" name={reportInputs.blankLineFirst} value={blankLineFirst ? "1" : "0"} />
        {state.message && (
          <p
            className={state.saved ? "admin__notice" : "admin__error"}
            role={state.saved ? "status" : "alert"}
          >
            {state.message}
          </p>
        )}
        <Problems id="loi-chung" messages={general} />
        <datalist id="chuyen-muc-da-dung">
          {categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
        <datalist id="chu-de-da-dung">
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        {fields.map((field) => (
          <Field
            key={field.name}
            field={field}
            state={state}
            lists={{ category: "chuyen-muc-da-dung", tags: "chu-de-da-dung" }}
          />
        ))}
        <label>
          Nội dung (Markdown)
          <textarea
            name={reportInputs.body}
            rows={20}
            defaultValue={blankLineFirst ? state.body.replace(/^\n/, "") : state.body}
            onChange={drawPreviewSoon}
            ref={body}
            aria-describedby={state.problems[reportInputs.body] ? `${reportInputs.body}-loi` : undefined}
            aria-invalid={state.problems[reportInputs.body] ? true : undefined}
          />
        </label>
        <Problems id={`${reportInputs.body}-loi`} messages={state.problems[reportInputs.body]} />
        <fieldset className="admin-group">
          <legend>Thêm ảnh</legend>
          <p className="admin__hint">
            JPEG, PNG hoặc WebP, tối đa 15 MB. Ảnh được lưu lại dưới tên anh-1.jpg, anh-2.jpg… trong thư mục
            của bài, đã bỏ thông tin vị trí chụp.
          </p>
          <label>
            Tệp ảnh
            <input type="file" name={reportInputs.photo} accept="image/jpeg,image/png,image/webp" />
          </label>
          <label>
            Mô tả ảnh (chữ thay ảnh) *
            <input name={reportInputs.photoAlt} />
          </label>
          <label>
            Chú thích
            <input name={reportInputs.photoCaption} />
          </label>
          <label>
            Tác giả ảnh
            <input name={reportInputs.photoCredit} />
          </label>
          <button type="button" onClick={sendPhoto} disabled={uploading}>
            {uploading ? "Đang tải ảnh…" : "Tải ảnh lên"}
          </button>
          <p role="status">{upload}</p>
        </fieldset>
        {correction && (
          <fieldset className="admin-group">
            <legend>Đính chính</legend>
            <label className="admin-check">
              <input type="checkbox" name={reportInputs.correction} /> Lần lưu này là đính chính
              <span className="admin__hint">
                Bạn đọc sẽ thấy “Đính chính lúc …” cùng nội dung dưới đây, ở đầu bài.
              </span>
            </label>
            <label className="admin-field">
              Đã sửa gì
              <input name={reportInputs.correctionNote} maxLength={300} />
            </label>
          </fieldset>
        )}
        {buttons.some((button) => button.decision === "tra-lai") && (
          <label className="admin-field">
            Ghi chú khi trả lại (phóng viên sẽ thấy)
            <input name={reportInputs.returnNote} maxLength={500} />
          </label>
        )}
        <div className="admin-editor__actions">
          {buttons.map((button, index) => (
            <button
              key={button.decision}
              type="submit"
              name={reportInputs.decision}
              value={button.decision}
              disabled={saving}
            >
              {saving && index === 0 ? "Đang lưu…" : button.label}
            </button>
          ))}
          <button type="button" onClick={drawPreview} disabled={previewing}>
            Xem trước
          </button>
        </div>
        <section className="admin-editor__preview" aria-label="Xem trước" aria-busy={previewing}>
          {preview}
        </section>
      </form>
      {state.file && remove && (
        // A form of its own, as a button's formAction would be formaction="": it posts the file and the
        // version the editor's form now holds, so a report changed elsewhere is not deleted.
        <form action={deleteNow} onSubmit={submitDelete} className="admin-delete">
          <input type="hidden" name={reportInputs.file} value={state.file} />
          <input type="hidden" name={reportInputs.version} value={state.version ?? ""} />
          <button type="submit">Xóa bài này</button>
          {deleteProblem && (
            <p className="admin__error" role="alert">
              {deleteProblem}
            </p>
          )}
        </form>
      )}
    </>
  );
}
