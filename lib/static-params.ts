/**
 * A route's generateStaticParams for the production build only. `next dev` answers from a stale
 * list of params once after a change, so a report (or topic, or person) an editor has just added
 * would 404 on its first load; without a list there, every param renders on demand and an
 * unknown one is still a 404 from the page itself.
 */
export function staticParamsForBuild<Params>(list: () => Params[]): (() => Params[]) | undefined {
  return process.env.NODE_ENV === "development" ? undefined : list;
}
