import localFont from "next/font/local";

// Be Vietnam Pro, self-hosted from @fontsource. Its Vietnamese and Latin subsets are two files
// per weight; as two families with their own unicode-range, the browser fetches only what a page
// uses and takes each letter from whichever file holds it. next/font needs literal paths.
//
// The Vietnamese family comes first in --font-body and has no fallback face of its own: the
// Latin family's fallback (local Arial, sized to match) must come after both, or wherever Arial
// is installed it would draw ộ, ế, ư… before the Vietnamese file is even consulted.
//
// Not preloaded: the four preloads went ahead of the stylesheet, took four of the six connections
// a browser opens to a host over HTTP/1.1, and put 71 KB of fonts before the 4.5 KB the first
// paint needs. Text now paints in the fallback as soon as the stylesheet is in, and swaps when
// the files arrive (measured in the README's "Performance at scale").
export const vietnameseLetters = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2",
      weight: "400",
      style: "normal",
    },
    {
      path: "../../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2",
      weight: "700",
      style: "normal",
    },
  ],
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB",
    },
  ],
  variable: "--font-vietnamese",
  display: "swap",
  adjustFontFallback: false,
  preload: false,
});

export const latinLetters = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2",
      weight: "400",
      style: "normal",
    },
    {
      path: "../../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2",
      weight: "700",
      style: "normal",
    },
  ],
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
    },
  ],
  variable: "--font-latin",
  display: "swap",
  preload: false,
});
