import type { Segment } from "@/lib/search/snippet";

/** Text with the query's words in <mark>; every segment is rendered as text, never as HTML. */
export function MarkedSegments({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.mark ? <mark key={index}>{segment.text}</mark> : segment.text,
  );
}
