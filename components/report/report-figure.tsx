import { ResponsiveImage } from "@/components/media/responsive-image";
import type { Figure } from "@/lib/content";
import { MarkedText } from "./marked-text";

// The article column is at most 42rem (672px) wide; below that the photo fills the screen.
const FIGURE_SIZES = "(min-width: 46rem) 672px, 100vw";

export function ReportFigure({ figure, preload = false }: { figure: Figure; preload?: boolean }) {
  return (
    <figure className="report-figure">
      <ResponsiveImage
        src={figure.src}
        alt={figure.alt}
        width={figure.width}
        height={figure.height}
        sizes={FIGURE_SIZES}
        preload={preload}
      />
      {(figure.caption || figure.credit) && (
        <figcaption>
          {figure.caption && (
            <span className="report-figure__caption">
              <MarkedText parts={figure.captionParts} />
            </span>
          )}
          {figure.credit && <span className="report-figure__credit">Ảnh: {figure.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
