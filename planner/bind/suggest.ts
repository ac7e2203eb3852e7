/** "Did you mean" candidates: the closest names by edit distance (Spark shows up to five). */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

export function suggestNames(wanted: string, candidates: readonly string[], max = 5): string[] {
  const w = wanted.toLowerCase();
  const unique = [...new Set(candidates)];
  return unique
    .map((c) => {
      const last = c.split('.').pop() ?? c;
      return { c, d: Math.min(editDistance(w, c.toLowerCase()), editDistance(w, last.toLowerCase())) };
    })
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((x) => x.c);
}
