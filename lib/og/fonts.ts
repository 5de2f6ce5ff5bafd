import { readFile } from "node:fs/promises";
import path from "node:path";

type Weight = 400 | 700;
export interface PreviewFont {
  name: string;
  data: Buffer;
  weight: Weight;
  style: "normal";
}

// Satori reads .woff, not .woff2. Each subset gets its own family name: with one name
// for all, Satori keeps only the first file and Vietnamese letters come out blank. The image's
// font-family lists them in order, so each glyph comes from whichever subset holds it.
export const PREVIEW_FONT_FAMILY = "Sans, Sans-vi, Sans-ext";
const SUBSETS = [
  { subset: "latin", name: "Sans" },
  { subset: "vietnamese", name: "Sans-vi" },
  { subset: "latin-ext", name: "Sans-ext" },
] as const;

const directory = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "node_modules/@fontsource/be-vietnam-pro/files",
);

let fonts: Promise<PreviewFont[]> | null = null;

/** The fonts for preview images, read once per process. */
export function previewFonts(): Promise<PreviewFont[]> {
  fonts ??= Promise.all(
    SUBSETS.flatMap(({ subset, name }) =>
      ([400, 700] as const).map(async (weight) => ({
        name,
        weight,
        style: "normal" as const,
        data: await readFile(path.join(directory, `be-vietnam-pro-${subset}-${weight}-normal.woff`)),
      })),
    ),
  );
  return fonts;
}
