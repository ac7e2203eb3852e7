/** Bitwise kernels on ints (32-bit JS ops, narrowed by the typed array store) and longs (BigInt). */
import type { ScalarValue } from '../../../planner/expr/scalar-value.js';
import type { ScalarKernel } from '../../functions/kernel.js';
import { rowwise } from './columnar.js';

type Num = number | bigint;

function binary(fn: (a: number, b: number) => number, big: (a: bigint, b: bigint) => bigint): ScalarKernel {
  return rowwise((v) => {
    const [a, b] = v as Num[];
    return typeof a === 'bigint' ? big(a, b as bigint) : fn(a!, b as number);
  });
}

function shift(kind: 'left' | 'right' | 'unsigned'): ScalarKernel {
  return rowwise((v) => {
    const x = v[0] as Num;
    const n = Number(v[1]);
    if (typeof x === 'bigint') {
      const s = BigInt(n & 63);
      if (kind === 'left') return BigInt.asIntN(64, x << s);
      if (kind === 'right') return x >> s;
      return BigInt.asIntN(64, BigInt.asUintN(64, x) >> s);
    }
    if (kind === 'left') return x << n;
    if (kind === 'right') return x >> n;
    return (x >>> n) | 0;
  });
}

function bitCount(v: ScalarValue): number {
  let x = BigInt.asUintN(64, BigInt(v as Num));
  let c = 0;
  while (x) {
    c += Number(x & 1n);
    x >>= 1n;
  }
  return c;
}

export const BITWISE_KERNELS: Readonly<Record<string, ScalarKernel>> = {
  bit_and: binary((a, b) => a & b, (a, b) => a & b),
  bit_or: binary((a, b) => a | b, (a, b) => a | b),
  bit_xor: binary((a, b) => a ^ b, (a, b) => a ^ b),
  bit_not: rowwise((v) => (typeof v[0] === 'bigint' ? ~v[0] : ~(v[0] as number))),
  shiftleft: shift('left'),
  shiftright: shift('right'),
  shiftrightunsigned: shift('unsigned'),
  bit_count: rowwise((v) => bitCount(v[0]!)),
};
