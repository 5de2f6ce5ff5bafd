/** The reader's text size: stored in localStorage, applied as <html data-co-chu>. */
export const TEXT_SIZE_KEY = "co-chu";
export const TEXT_SIZES = [
  { value: "nho", label: "A−", name: "Chữ nhỏ" },
  { value: "vua", label: "A", name: "Chữ vừa" },
  { value: "lon", label: "A+", name: "Chữ lớn" },
] as const;
export type TextSize = (typeof TEXT_SIZES)[number]["value"];
export const DEFAULT_TEXT_SIZE: TextSize = "vua";

/**
 * Runs in <head> before the first paint, so a page never flashes at the wrong size. Plain ES5 and
 * guarded: storage can be disabled, and a stored value is only used if it is a known size.
 */
export const APPLY_STORED_TEXT_SIZE = `try{var s=localStorage.getItem(${JSON.stringify(TEXT_SIZE_KEY)});if(${JSON.stringify(
  TEXT_SIZES.map((size) => size.value),
)}.indexOf(s)>=0)document.documentElement.setAttribute("data-co-chu",s)}catch(e){}`;
