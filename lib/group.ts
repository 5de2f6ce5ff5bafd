/** Runs of neighbouring items with the same key, in their order: a newest-first list by day or month. */
export function groupRuns<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): Array<{ key: string; items: T[] }> {
  const groups: Array<{ key: string; items: T[] }> = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}
