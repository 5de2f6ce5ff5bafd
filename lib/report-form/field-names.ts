// The names of the editors' inputs, for the pages that draw them, the actions and services that
// read them, and the tests that fill them in. The report's own fields are named after the front
// matter (lib/report-form/form-fields.ts); these are the others.

/** The report form's inputs besides the front matter's. */
export const reportInputs = {
  /** The file the form edits ("" for a new report). */
  file: "tep",
  /** The version of that file the editor opened (lib/editorial/save-report.ts, fileVersion). */
  version: "phien-ban",
  /** The Markdown body. */
  body: "than-bai",
  /** "1" when the body began with a blank line, which a textarea drops. */
  blankLineFirst: "dong-dau",
  /** Ticked: the save is a correction, with its note (readers see both). */
  correction: "dinh-chinh",
  correctionNote: "dinh-chinh-noi-dung",
  /** Which save button: what the save asks of the workflow (lib/editorial/workflow.ts). */
  decision: "quyet-dinh",
  /** What the reporter must fix, with a report sent back. */
  returnNote: "ghi-chu-tra-lai",
  /** The front matter's title: a new report's photos are stored under the address it gives. */
  title: "title",
  photo: "anh",
  photoAlt: "anh-mo-ta",
  photoCaption: "anh-chu-thich",
  photoCredit: "anh-tac-gia",
} as const;

/** The inputs of a photo's upload, cleared once it is in the body. */
export const photoInputs = [
  reportInputs.photo,
  reportInputs.photoAlt,
  reportInputs.photoCaption,
  reportInputs.photoCredit,
] as const;

/** What the upload posts: the photo's inputs, and what says where the report's photos go. */
export const photoUploadInputs = [...photoInputs, reportInputs.file, reportInputs.title] as const;

/** A restore's inputs on a report's history page, and the comparison's (in its address). */
export const historyInputs = {
  file: "tep",
  commit: "ban",
  version: "phien-ban",
  from: "tu",
  to: "den",
} as const;

/** The accounts page's inputs. */
export const accountInputs = { name: "ten", password: "mat-khau", role: "vai-tro" } as const;

/** The sign-in form's inputs. */
export const signInInputs = { name: "ten", password: "mat-khau" } as const;

/** The list of reports' filter, in the address as in the form. */
export const reportListInputs = { filter: "tim", status: "trang-thai", page: "trang" } as const;
