import type { BodyBlock } from "@/lib/content";
import { ReportFigure } from "./report-figure";

/** The body in reading order. The HTML blocks were sanitized by remark-html when loaded. */
export function ReportBody({ blocks }: { blocks: BodyBlock[] }) {
  const firstFigure = blocks.findIndex((block) => block.kind === "figure");
  return (
    <div className="report-body">
      {blocks.map((block, index) =>
        block.kind === "html" ? (
          <div key={index} dangerouslySetInnerHTML={{ __html: block.html }} />
        ) : (
          // The first photo is usually the largest thing on screen: fetch it early.
          <ReportFigure key={index} figure={block.figure} preload={index === firstFigure} />
        ),
      )}
    </div>
  );
}
