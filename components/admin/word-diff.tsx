import type { DiffPart } from "@/lib/history/word-diff";

/** A body's changes inline: removed words struck through, added words marked. */
export function WordDiff({ parts }: { parts: DiffPart[] }) {
  const changed = parts.some((part) => part.kind !== "same");
  return (
    <div className="admin-diff">
      {!changed && <p>Nội dung không đổi.</p>}
      <p className="admin-diff__text">
        {parts.map((part, index) =>
          part.kind === "added" ? (
            <ins key={index}>{part.text}</ins>
          ) : part.kind === "removed" ? (
            <del key={index}>{part.text}</del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
