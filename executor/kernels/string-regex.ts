/**
 * Java regular expressions (Spark's rlike, regexp_* and split) on JS RegExp. Differences handled:
 * a leading inline flag group like `(?i)`/`(?s)`/`(?m)` becomes RegExp flags; `\A` → `^`,
 * `\z`/`\Z` → `$`; Java replacement strings (`$1`, `\$`) are interpreted here.
 * Not supported (raise INVALID_ARGUMENT when JS rejects them): possessive quantifiers,
 * inline flags in the middle of a pattern, `\p{javaLowerCase}`-style classes.
 */
import { DeltaSqlError } from '../../src/common/errors.js';

const cache = new Map<string, RegExp>();

/** Compile a Java regex once (global flag set: callers reset lastIndex). */
export function compileJavaRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  let src = pattern;
  let flags = 'g';
  const inline = /^\(\?([imsx]+)\)/.exec(src);
  if (inline) {
    for (const f of inline[1]!) if (f !== 'x' && !flags.includes(f)) flags += f;
    src = src.slice(inline[0].length);
  }
  src = src.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  try {
    re = new RegExp(src, flags);
  } catch (e) {
    throw new DeltaSqlError('INVALID_ARGUMENT', `invalid regular expression '${pattern}': ${(e as Error).message}`);
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** All matches of `re` in `s` (zero-width matches advance by one). */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

export function regexFind(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

function groupOf(m: RegExpExecArray, idx: number, pattern: string): string {
  if (idx < 0 || idx >= m.length)
    throw new DeltaSqlError('INVALID_ARGUMENT', `regex group index ${idx} is out of range: '${pattern}' has ${m.length - 1} group(s)`);
  return m[idx] ?? '';
}

export function regexpExtract(s: string, pattern: string, idx: number): string {
  const re = compileJavaRegex(pattern);
  const m = regexFind(re, s);
  return m ? groupOf(m, idx, pattern) : '';
}

export function regexpExtractAll(s: string, pattern: string, idx: number): string[] {
  const re = compileJavaRegex(pattern);
  return allMatches(re, s).map((m) => groupOf(m, idx, pattern));
}

/** Expand a Java replacement string (`$n`, `${name}`, `\x` escapes) for one match. */
function expand(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '\\' && i + 1 < rep.length) out += rep[++i];
    else if (c === '$' && rep[i + 1] === '{') {
      const end = rep.indexOf('}', i);
      const name = rep.slice(i + 2, end);
      out += m.groups?.[name] ?? '';
      i = end;
    } else if (c === '$' && /\d/.test(rep[i + 1] ?? '')) {
      let j = i + 1;
      let num = Number(rep[j]);
      // Java takes more digits while the group number stays valid.
      while (j + 1 < rep.length && /\d/.test(rep[j + 1]!) && num * 10 + Number(rep[j + 1]) < m.length) num = num * 10 + Number(rep[++j]);
      if (num >= m.length) throw new DeltaSqlError('INVALID_ARGUMENT', `no group ${num} in regex replacement`);
      out += m[num] ?? '';
      i = j;
    } else out += c;
  }
  return out;
}

/** regexp_replace(str, regex, rep, pos): replace every match at or after 1-based code unit `pos`. */
export function regexpReplace(s: string, pattern: string, rep: string, pos = 1): string {
  const re = compileJavaRegex(pattern);
  const start = Math.max(0, pos - 1);
  if (start > s.length) return s;
  const head = s.slice(0, start);
  const tail = s.slice(start);
  let out = '';
  let last = 0;
  for (const m of allMatches(re, tail)) {
    out += tail.slice(last, m.index) + expand(rep, m);
    last = m.index + m[0].length;
  }
  return head + out + tail.slice(last);
}

/** Java String.split(regex, limit) as Spark calls it (limit <= 0: no limit, trailing empties kept). */
export function javaSplit(s: string, pattern: string, limit: number): string[] {
  if (pattern === '') {
    const chars = Array.from(s);
    if (limit > 0 && chars.length > limit) return [...chars.slice(0, limit - 1), chars.slice(limit - 1).join('')];
    return chars;
  }
  const re = compileJavaRegex(pattern);
  const out: string[] = [];
  let last = 0;
  for (const m of allMatches(re, s)) {
    if (limit > 0 && out.length === limit - 1) break;
    if (m[0].length === 0 && m.index === 0) continue;
    if (m[0].length === 0 && m.index >= s.length) break;
    out.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(s.slice(last));
  return out;
}
