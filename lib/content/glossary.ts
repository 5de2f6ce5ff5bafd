import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import type { Parent, RootContent, Text } from "mdast";
import { z } from "zod";
import { byteLength, GLOSSARY_MAX_BYTES, GLOSSARY_MAX_ENTRIES, isAliasRefusal, limitMessages, NO_ALIASES } from "./limits";

/** An abbreviation and what it stands for, as editors list them in content/chu-viet-tat.yml. */
export interface Abbreviation {
  abbreviation: string;
  expansion: string;
}

export const GLOSSARY_FILE = "chu-viet-tat.yml";

const glossarySchema = z.record(z.string().trim().min(1), z.string().trim().min(1), {
  error: "cần mỗi dòng dạng “CHỮ VIẾT TẮT: nghĩa đầy đủ”",
});

export class Glossary {
  private readonly byKey: Map<string, Abbreviation>;
  private readonly pattern: RegExp | null;

  constructor(entries: Abbreviation[]) {
    this.byKey = new Map(entries.map((entry) => [Glossary.key(entry.abbreviation), entry]));
    // Longest first, so "BCHQS" is tried before "CHQS"; hyphens match with or without spaces.
    const alternatives = [...entries]
      .sort((a, b) => b.abbreviation.length - a.abbreviation.length)
      .map((entry) =>
        entry.abbreviation
          .split(/\s*-\s*/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
          .join("\\s*-\\s*"),
      );
    // Whole tokens only: "TP" inside "TPHCM" is not "TP".
    this.pattern =
      alternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu") : null;
  }

  /** "QP -AN", "QP-AN" and "QP - AN" are one abbreviation. */
  static key(text: string): string {
    return text.replace(/\s*-\s*/g, "-");
  }

  lookup(text: string): Abbreviation | undefined {
    return this.byKey.get(Glossary.key(text));
  }

  /** The text with every abbreviation written in full, each time it comes (what a reader hears). */
  spellOut(text: string): string {
    return this.pattern ? text.replace(this.pattern, (match) => this.lookup(match)?.expansion ?? match) : text;
  }

  matches(text: string): RegExpMatchArray[] {
    return this.pattern ? [...text.matchAll(this.pattern)] : [];
  }
}

/** Reads the glossary beside the reports; a missing file is an empty glossary. */
export function loadGlossary(contentDir: string): Glossary {
  const file = path.join(contentDir, GLOSSARY_FILE);
  if (!existsSync(/*turbopackIgnore: true*/ file)) return new Glossary([]);
  const source = readFileSync(/*turbopackIgnore: true*/ file, "utf8").normalize("NFC");
  const bytes = byteLength(source);
  if (bytes > GLOSSARY_MAX_BYTES) throw new Error(`${GLOSSARY_FILE}: ${limitMessages.glossarySize(bytes)}`);
  let data: unknown;
  try {
    data = load(source, { schema: CORE_SCHEMA, ...NO_ALIASES });
  } catch (error) {
    if (error instanceof YAMLException && isAliasRefusal(error.reason)) throw new Error(`${GLOSSARY_FILE}: ${limitMessages.aliases}`);
    throw error;
  }
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) throw new Error(`${GLOSSARY_FILE}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  const entries = Object.keys(parsed.data).length;
  if (entries > GLOSSARY_MAX_ENTRIES) throw new Error(`${GLOSSARY_FILE}: ${limitMessages.glossaryEntries(entries)}`);
  return new Glossary(Object.entries(parsed.data).map(([abbreviation, expansion]) => ({ abbreviation, expansion })));
}

// Text a reader does not read as prose, or where an <abbr> would break the markup.
const SKIPPED = new Set(["link", "linkReference", "heading", "inlineCode", "code", "html", "image", "imageReference"]);

/** A piece of plain text (a caption) with its abbreviations marked: rendered by React. */
export interface TextPart {
  text: string;
  /** Set on the first use of an abbreviation: its expansion, for <abbr title>. */
  expansion?: string;
}

export interface AbbreviationMarker {
  /** Marks first uses inside a Markdown node, in place (its text becomes <abbr> elements). */
  markTree(node: RootContent): void;
  /** Marks first uses inside a plain text, such as a caption. */
  markText(text: string): TextPart[];
  /** The abbreviations used so far, in order of first use. */
  readonly used: Abbreviation[];
}

/**
 * Marks the first use of each known abbreviation, across everything given to it in reading
 * order: paragraphs (as Markdown) and captions (as text).
 */
export function abbreviationMarker(glossary: Glossary): AbbreviationMarker {
  const used: Abbreviation[] = [];
  const seen = new Set<string>();

  const markText = (text: string): TextPart[] => {
    const parts: TextPart[] = [];
    let last = 0;
    for (const match of glossary.matches(text)) {
      const entry = glossary.lookup(match[0]);
      const start = match.index ?? 0;
      if (!entry || seen.has(entry.abbreviation)) continue;
      seen.add(entry.abbreviation);
      used.push(entry);
      if (start > last) parts.push({ text: text.slice(last, start) });
      parts.push({ text: match[0], expansion: entry.expansion });
      last = start + match[0].length;
    }
    if (last < text.length) parts.push({ text: text.slice(last) });
    return parts;
  };

  const toMarkdown = (part: TextPart): RootContent =>
    part.expansion
      ? ({
          type: "text",
          value: part.text,
          data: { hName: "abbr", hProperties: { title: part.expansion }, hChildren: [{ type: "text", value: part.text }] },
        } as Text)
      : { type: "text", value: part.text };

  // Recursive, one frame per level of the tree: safe because loadReport refuses a body nested
  // deeper than BODY_MAX_NESTING blocks and BODY_MAX_INLINE_NESTING inline levels before parsing
  // (lib/content/limits.ts), so the tree is at most a few dozen levels deep.
  const walk = (parent: Parent) => {
    parent.children = parent.children.flatMap((child) => {
      if (SKIPPED.has(child.type)) return [child];
      if (child.type === "text") {
        const parts = markText(child.value);
        return parts.some((part) => part.expansion) ? parts.map(toMarkdown) : [child];
      }
      if ("children" in child) walk(child as Parent);
      return [child];
    }) as Parent["children"];
  };

  return {
    markTree(node) {
      if (SKIPPED.has(node.type)) return;
      if ("children" in node) walk(node as Parent);
    },
    markText,
    used,
  };
}

/** Tokens that look like abbreviations (two or more capitals) but are not in the glossary. */
export function unknownAbbreviations(text: string, glossary: Glossary): string[] {
  // Known ones are blanked first, so the parts of "QP - AN" are not reported on their own. One
  // pass, cutting at each match's own position: replacing each match in the whole remaining text
  // was quadratic (a 120 KB body repeating one abbreviation took seconds), and could blank the
  // wrong occurrence ("TP" inside an earlier "TPHCM").
  const pieces: string[] = [];
  let last = 0;
  for (const match of glossary.matches(text)) {
    const start = match.index ?? 0;
    pieces.push(text.slice(last, start), " ".repeat(match[0].length));
    last = start + match[0].length;
  }
  pieces.push(text.slice(last));
  const rest = pieces.join("");
  // A name with a number ("COVID-19") is a name, not an abbreviation to explain.
  return [...new Set(rest.match(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}]|-\d)/gu) ?? [])];
}
