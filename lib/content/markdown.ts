import type { Image, Paragraph, Root, RootContent } from "mdast";
import { defaultSchema, type Schema } from "hast-util-sanitize";
import { toString } from "mdast-util-to-string";
import { remark } from "remark";
import { type Abbreviation, abbreviationMarker, Glossary, type TextPart, unknownAbbreviations } from "./glossary";
import remarkHtml from "remark-html";

// remark-html sanitizes with GitHub's schema: raw HTML, scripts, event handlers and javascript:
// URLs never reach a page. The one addition is <abbr title>, which the glossary pass writes; raw
// <abbr> in a report is dropped before that, like any raw HTML. Figures are rendered by React.
const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "abbr"],
  attributes: { ...defaultSchema.attributes, abbr: ["title"] },
};
const processor = remark().use(remarkHtml, { sanitize: schema });

/** A photo as written in Markdown, before its file is looked up. */
export interface FigureSource {
  src: string;
  alt: string;
  caption: string;
  /** The caption with its abbreviations marked. */
  captionParts: TextPart[];
  credit: string | null;
}

export interface ParsedBody {
  blocks: Array<{ kind: "html"; html: string } | { kind: "figure"; figure: FigureSource }>;
  firstParagraph: string | null;
  /** Known abbreviations the text uses, in order of first use; the first use of each is an <abbr>. */
  abbreviations: Abbreviation[];
  /** Capitalised tokens that look like abbreviations but are not in the glossary. */
  unknownAbbreviations: string[];
  /** Words (Vietnamese syllables) of the text, captions excluded: for the reading time. */
  wordCount: number;
  /** The text without markup (photos give their alt text, not their captions): what search reads. */
  text: string;
}

// \b would not work here: JavaScript treats "Ả" as a non-word character.
// Case matters: "hình ảnh: …" inside a caption is not a credit.
const CREDIT = /(?:^|\s)Ảnh\s*:\s*(.+?)\s*$/u;

/** "Trao Giấy khen. Ảnh: Thành Cường" → caption "Trao Giấy khen.", credit "Thành Cường". */
export function splitCaption(title: string): { caption: string; credit: string | null } {
  const match = CREDIT.exec(title);
  if (!match) return { caption: title.trim(), credit: null };
  return { caption: title.slice(0, match.index).trim(), credit: match[1].replace(/\.$/, "") };
}

function isBlank(node: RootContent): boolean {
  return node.type === "text" && node.value.trim() === "";
}

/** An image alone in its paragraph is a figure; an image inside a sentence stays inline. */
function standaloneImage(node: RootContent): Image | null {
  if (node.type !== "paragraph") return null;
  const content = (node as Paragraph).children.filter((child) => !isBlank(child));
  return content.length === 1 && content[0].type === "image" ? content[0] : null;
}

function toHtml(nodes: RootContent[]): string {
  const tree: Root = { type: "root", children: nodes };
  return String(processor.stringify(tree)).trim();
}

// The parser and the tree walks here (toString, the glossary's walk, remark-html's mdast → hast →
// HTML) recurse once per level of the tree. They stay recursive: loadReport refuses a body nested
// deeper than lib/content/limits.ts allows before parsing it, which keeps the tree a few dozen
// levels deep. A RangeError that still got through is reported as nesting (load-report.ts).
export function parseBody(markdown: string, glossary: Glossary = new Glossary([])): ParsedBody {
  const tree = processor.parse(markdown);
  const text = toString(tree);
  const unknown = unknownAbbreviations(text, glossary);
  const marker = abbreviationMarker(glossary);
  const blocks: ParsedBody["blocks"] = [];
  let pending: RootContent[] = [];
  let firstParagraph: string | null = null;

  const flush = () => {
    // A block of nothing but raw HTML sanitizes to "": it is not content.
    const html = pending.length > 0 ? toHtml(pending) : "";
    if (html) blocks.push({ kind: "html", html });
    pending = [];
  };

  for (const node of tree.children) {
    const image = standaloneImage(node);
    if (image) {
      flush();
      const { caption, credit } = splitCaption(image.title ?? "");
      const captionParts = marker.markText(caption);
      blocks.push({ kind: "figure", figure: { src: image.url, alt: image.alt ?? "", caption, captionParts, credit } });
      continue;
    }
    marker.markTree(node);
    if (firstParagraph === null && node.type === "paragraph") {
      firstParagraph = toString(node).trim() || null;
    }
    pending.push(node);
  }
  flush();
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  return { blocks, firstParagraph, abbreviations: marker.used, unknownAbbreviations: unknown, wordCount, text };
}
