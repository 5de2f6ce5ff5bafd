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

/** Thrown when any content file is invalid: lists every problem in every file at once. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const count = problems.length;
    super(
      `Nội dung có ${count} lỗi, cần sửa trước khi đăng:\n${problems.map((p) => `  • ${formatProblem(p)}`).join("\n")}`,
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}
