import { PREVIEW_FONT_FAMILY } from "@/lib/og/fonts";

interface PreviewCardProps {
  siteName: string;
  headline: string;
  kicker: string | null;
  dateText: string | null;
}

// Long headlines are drawn in full, smaller, rather than cut.
function headlineSize(headline: string): number {
  if (headline.length <= 60) return 68;
  if (headline.length <= 110) return 56;
  if (headline.length <= 170) return 44;
  return 36;
}

/** The 1200×630 picture shown when a link is shared. Satori supports flexbox layout only. */
export function PreviewCard({ siteName, headline, kicker, dateText }: PreviewCardProps) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#fbf8f3",
        color: "#1d1f22",
        fontFamily: PREVIEW_FONT_FAMILY,
        borderTop: "18px solid #a3161a",
        padding: "48px 64px 52px",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        {kicker && (
          <div style={{ fontSize: 30, fontWeight: 700, color: "#a3161a", marginBottom: 18 }}>{kicker}</div>
        )}
        <div style={{ fontSize: headlineSize(headline), fontWeight: 700, lineHeight: 1.22 }}>{headline}</div>
      </div>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          fontSize: 30,
          borderTop: "2px solid #d9d4cc",
          paddingTop: 24,
        }}
      >
        <div style={{ fontWeight: 700, color: "#a3161a" }}>{siteName}</div>
        {dateText && <div style={{ color: "#50555c" }}>{dateText}</div>}
      </div>
    </div>
  );
}
