import matter from "gray-matter";
import { CORE_SCHEMA, YAMLException, load } from "js-yaml";
import { byteLength, FRONT_MATTER_MAX_BYTES, NO_ALIASES } from "./limits";

export interface RawReport {
  data: Record<string, unknown>;
  body: string;
}

export class FrontMatterSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** Front matter over FRONT_MATTER_MAX_BYTES: refused before js-yaml reads it. */
export class FrontMatterTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`front matter of ${bytes} bytes`);
  }
}

// The core schema keeps dates as text: YAML 1.1 would turn "2021-01-12T08:00" into a UTC Date
// and lose the rule that a date without an offset is Vietnam time. Aliases are refused: a few
// lines of them expand to billions of values ("billion laughs").
const matterOptions = {
  engines: {
    yaml: (source: string) => {
      const bytes = byteLength(source);
      if (bytes > FRONT_MATTER_MAX_BYTES) throw new FrontMatterTooLargeError(bytes);
      return load(source, { schema: CORE_SCHEMA, ...NO_ALIASES }) as object;
    },
  },
};

/** Splits a report file into front matter and Markdown body. */
export function readFrontMatter(source: string): RawReport {
  try {
    const { data, content } = matter(source, matterOptions);
    return { data: data as Record<string, unknown>, body: content };
  } catch (error) {
    if (error instanceof YAMLException) {
      // gray-matter hands js-yaml the text from the end of the opening "---" line, and js-yaml
      // counts from zero: together they cancel to +1.
      const line = error.mark ? error.mark.line + 1 : undefined;
      throw new FrontMatterSyntaxError(error.reason ?? error.message, line);
    }
    throw error;
  }
}
