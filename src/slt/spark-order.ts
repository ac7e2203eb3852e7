/**
 * Whether Spark would keep a query's output order in its golden file (FORMAT.md §8): only when
 * the plan is "semantically sorted", which for SQL text means an ORDER BY at the top level
 * (outside parentheses, quotes and comments) or a DESCRIBE. Every other result is compared sorted.
 */
export function keepsOutputOrder(sql: string): boolean {
  if (/^\s*(describe|desc)\b/i.test(sql)) return true;
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] ?? '';
    const next = sql[i + 1];
    if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(sql, i, c);
      continue;
    }
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /[oO]/.test(c) && (i === 0 || !/\w/.test(sql[i - 1] ?? ''))) {
      if (/^order\s+by\b/i.test(sql.slice(i, i + 40))) return true;
    }
    i++;
  }
  return false;
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '\\' && quote !== '`') i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return i;
}
