// What a route's path segments ask for, read strictly: a segment written any other way ("01" for a
// page, "1" for January) would be a second address for the same page, so it reads as NaN and the
// page getters' null turns it into a 404.

/** The page a `page` segment asks for: 1 without one. */
export function pageParam(param: string | undefined): number {
  return param === undefined ? 1 : /^[1-9]\d{0,6}$/.test(param) ? Number(param) : Number.NaN;
}

/** The year a `year` segment asks for: four digits. */
export function yearParam(param: string): number {
  return /^\d{4}$/.test(param) ? Number(param) : Number.NaN;
}

/** The month a `month` segment asks for: two digits, "01" to "12". */
export function monthParam(param: string): number {
  return /^(0[1-9]|1[0-2])$/.test(param) ? Number(param) : Number.NaN;
}
