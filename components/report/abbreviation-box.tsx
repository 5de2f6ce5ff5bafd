import type { Abbreviation } from "@/lib/content";

/** Spelled out in the page, not only in tooltips, which keyboard and touch readers never see. */
export function AbbreviationBox({ abbreviations }: { abbreviations: Abbreviation[] }) {
  if (abbreviations.length === 0) return null;
  return (
    <section className="abbreviations" aria-labelledby="chu-viet-tat-trong-bai">
      <h2 id="chu-viet-tat-trong-bai">Chữ viết tắt trong bài</h2>
      <dl>
        {abbreviations.map(({ abbreviation, expansion }) => (
          <div key={abbreviation} className="abbreviations__entry">
            <dt>{abbreviation}</dt>
            <dd>{expansion}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
