/** Fast equality of integer key rows (hash join probe, grouping). */
import * as arrow from 'apache-arrow';

/**
 * Row equality for integer keys (int, bigint, date, timestamp) by comparing 32-bit words: no
 * BigInts, no per-key closures. Only valid when no compared row is NULL: either the caller
 * excludes NULL rows (`nullsExcluded`, as a join does) or no key column has NULLs.
 */
export function intKeyEquals(probe: readonly arrow.Data[], build: readonly arrow.Data[], nullsExcluded: boolean): ((i: number, j: number) => boolean) | undefined {
  const words = (d: arrow.Data): { w: Int32Array; stride: number } | undefined => {
    const v = d.values as unknown;
    if (d.typeId === arrow.Type.Dictionary) return undefined;
    if (v instanceof BigInt64Array) return { w: new Int32Array(v.buffer, v.byteOffset, d.length * 2), stride: 2 };
    if (v instanceof Int32Array) return { w: v, stride: 1 };
    return undefined;
  };
  if (!nullsExcluded && [...probe, ...build].some((d) => d.nullCount > 0)) return undefined;
  const p = probe.map(words);
  const b = build.map(words);
  if (p.some((x) => !x) || b.some((x, k) => !x || x.stride !== p[k]!.stride)) return undefined;
  if (p.length === 1) {
    const pw = p[0]!.w;
    const bw = b[0]!.w;
    if (p[0]!.stride === 1) return (i, j) => pw[i] === bw[j];
    return (i, j) => pw[2 * i] === bw[2 * j] && pw[2 * i + 1] === bw[2 * j + 1];
  }
  if (p.length === 2 && p[0]!.stride === 2 && p[1]!.stride === 2) {
    const [p0, p1] = [p[0]!.w, p[1]!.w];
    const [b0, b1] = [b[0]!.w, b[1]!.w];
    return (i, j) => p0[2 * i] === b0[2 * j] && p0[2 * i + 1] === b0[2 * j + 1] && p1[2 * i] === b1[2 * j] && p1[2 * i + 1] === b1[2 * j + 1];
  }
  return (i, j) => {
    for (let k = 0; k < p.length; k++) {
      const { w: pw, stride } = p[k]!;
      const bw = b[k]!.w;
      for (let s = 0; s < stride; s++) if (pw[stride * i + s] !== bw[stride * j + s]) return false;
    }
    return true;
  };
}

