/** The field a problem of the Markdown body names (the editor's form shows it at the body). */
export const BODY_FIELD = "nội dung";

/** One thing wrong with one content file, worded for the editor who has to fix it. */
export interface ContentProblem {
  file: string;
  field: string | null;
  message: string;
  line?: number;
}

export function formatProblem({ file, field, message, line }: ContentProblem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return field ? `${where} › ${field}: ${message}` : `${where}: ${message}`;
}

/** One line per problem, sorted by file: each line stands alone, as editors search for their file. */
export function formatProblemList(problems: ContentProblem[], marker: string): string {
  return [...problems]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((problem) => `  ${marker} ${formatProblem(problem)}`)
    .join("\n");
}

/** Thrown when any content file is invalid: lists every problem in every file at once. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[], folder = "content/") {
    super(
      `Nội dung có ${problems.length} lỗi trong ${new Set(problems.map((p) => p.file)).size} tệp ở ${folder}, cần sửa trước khi đăng:\n${formatProblemList(problems, "✗")}`,
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}
