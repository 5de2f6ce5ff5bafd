import localFont from "next/font/local";

// Be Vietnam Pro, one file per weight holding both the Latin and the Vietnamese letters
// (assets/fonts, made from @fontsource's subsets by scripts/fonts/merge_be_vietnam_pro.py).
//
// Preloaded: 29 KB in two files, fetched with the stylesheet, so on most loads the text is laid
// out once, in its own font. When the fonts came as four subset files discovered by the first
// layout, that layout ran in fallback fonts (on Linux, one fontconfig call per size and weight)
// and ran again as each file arrived: docs/do-luong/2026-11-27-font-files.md.
//
// The fallback face next/font adds (local Arial, sized to match) draws text only until the files
// arrive: every Vietnamese letter is in both, so once they are in it never draws one beside the
// font's own (the bug of the two-family setup; tests/e2e/layout.spec.ts checks every letter).
export const beVietnamPro = localFont({
  src: [
    { path: "../../assets/fonts/be-vietnam-pro-400.woff2", weight: "400", style: "normal" },
    { path: "../../assets/fonts/be-vietnam-pro-700.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-be-vietnam-pro",
  display: "swap",
  preload: true,
});
