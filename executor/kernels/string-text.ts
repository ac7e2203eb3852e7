/** Code-point helpers for Spark string functions (Spark counts characters as Unicode code points). */

export function codePoints(s: string): string[] {
  // ASCII fast path: one code unit per character.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.split('') : Array.from(s);
}

export function charLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** UTF8String.substringSQL: 1-based `pos` (0 acts as 1, negative counts from the end), `len` characters. */
export function substringSql(s: string, pos: number, len = 2147483647): string {
  const cps = codePoints(s);
  const n = cps.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = start + len;
  start = Math.max(start, 0);
  if (start >= end) return '';
  return cps.slice(start, Math.min(end, n)).join('');
}

/** Remove leading/trailing characters in `chars` (default: the space character only, as Spark's trim). */
export function trimChars(s: string, chars: string | undefined, left: boolean, right: boolean): string {
  const set = new Set(chars === undefined ? [' '] : codePoints(chars));
  const cps = codePoints(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a]!)) a++;
  if (right) while (b > a && set.has(cps[b - 1]!)) b--;
  return cps.slice(a, b).join('');
}

/** lpad/rpad: pad with `pad` to `len` characters, or truncate to `len`. */
export function pad(s: string, len: number, padStr: string, left: boolean): string {
  const cps = codePoints(s);
  if (len <= 0) return '';
  if (cps.length >= len) return cps.slice(0, len).join('');
  const p = codePoints(padStr);
  if (p.length === 0) return s;
  const need = len - cps.length;
  const fill: string[] = [];
  for (let i = 0; i < need; i++) fill.push(p[i % p.length]!);
  return left ? fill.join('') + s : s + fill.join('');
}

export function translate(s: string, from: string, to: string): string {
  const f = codePoints(from);
  const t = codePoints(to);
  const map = new Map<string, string>();
  f.forEach((c, i) => {
    if (!map.has(c)) map.set(c, t[i] ?? '');
  });
  return codePoints(s)
    .map((c) => map.get(c) ?? c)
    .join('');
}

/** 1-based character index of `sub` in `s` at or after character `from` (0-based), 0 when absent. */
export function indexOfChars(s: string, sub: string, from = 0): number {
  const cps = codePoints(s);
  const unitStart = cps.slice(0, from).join('').length;
  const idx = s.indexOf(sub, unitStart);
  return idx < 0 ? 0 : charLength(s.slice(0, idx)) + 1;
}

/** initcap: upper-case the first letter of each space-separated word, lower-case the rest. */
export function initcap(s: string): string {
  return s
    .split(' ')
    .map((w) => {
      const cps = codePoints(w);
      return cps.length === 0 ? '' : cps[0]!.toUpperCase() + cps.slice(1).join('').toLowerCase();
    })
    .join(' ');
}

export function soundex(s: string): string {
  const codes: Record<string, string> = { B: '1', F: '1', P: '1', V: '1', C: '2', G: '2', J: '2', K: '2', Q: '2', S: '2', X: '2', Z: '2', D: '3', T: '3', L: '4', M: '5', N: '5', R: '6' };
  const up = s.toUpperCase();
  const first = up[0];
  if (!first || !/[A-Z]/.test(first)) return s;
  let out = first;
  let last = codes[first] ?? '';
  for (let i = 1; i < up.length && out.length < 4; i++) {
    const ch = up[i]!;
    const code = codes[ch];
    if (code !== undefined && code !== last) out += code;
    // H and W do not separate equal codes; vowels do.
    if (ch !== 'H' && ch !== 'W') last = code ?? '';
  }
  return out.padEnd(4, '0');
}
