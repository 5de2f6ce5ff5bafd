/** A slug is lowercase ASCII letters, digits and single hyphens: safe in a URL and a file name. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/** "Phường Hưng Dũng" → "phuong-hung-dung": đ has no decomposition, so it is mapped by hand. */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
