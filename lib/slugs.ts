/** A slug is lowercase ASCII letters, digits and single hyphens: safe in a URL and a file name. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest slug: a readable address, and a file name (slug + ".md", and the editor's temporary
 * ".<slug>.md.<pid>.tmp") far below the 255 bytes file systems allow.
 */
export const MAX_SLUG_LENGTH = 100;

export function isValidSlug(text: string): boolean {
  return text.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(text);
}

/** A slug cut to MAX_SLUG_LENGTH at a hyphen (a whole word), for a file named after a long title. */
export function shortenSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const hyphen = cut.lastIndexOf("-");
  return (hyphen > 0 ? cut.slice(0, hyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
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
