import type { TextPart } from "@/lib/content";

/** Text with its abbreviations explained on first use. */
export function MarkedText({ parts }: { parts: TextPart[] }) {
  return parts.map((part, index) =>
    part.expansion ? (
      <abbr key={index} title={part.expansion}>
        {part.text}
      </abbr>
    ) : (
      part.text
    ),
  );
}
