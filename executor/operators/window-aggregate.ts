/**
 * Any aggregate over arbitrary frames with the library's grouped accumulators: a segment tree of
 * partial states (level 0: one group per row; each level merges pairs), and each row's frame
 * [start, end) merged from at most 2·log n nodes, left to right so order-sensitive aggregates
 * (first, last, collect_list) see rows in frame order. Whole-partition frames aggregate once.
 */
import type * as arrow from 'apache-arrow';
import type { DataType } from '../../src/common/types/data-type.js';
import { toArrowType } from '../../src/common/types/arrow-type.js';
import type { AggregateKernel, EvalContext } from '../functions/kernel.js';
import { makeNullData } from '../kernels/array-data.js';
import { take } from '../kernels/take.js';
import type { FrameBounds, WindowLayout } from './window-frames.js';

export function frameAggregate(
  kernel: AggregateKernel,
  argTypes: readonly DataType[],
  resultType: DataType,
  args: readonly arrow.Data[],
  frame: FrameBounds,
  layout: WindowLayout,
  ctx: EvalContext,
): arrow.Data {
  const n = layout.n;
  const emptyArgs = argTypes.map((t) => makeNullData(toArrowType(t), 0));
  if (wholePartition(frame, layout)) {
    const partIds = new Uint32Array(n);
    const firstRow: number[] = [];
    let p = -1;
    for (let i = 0; i < n; i++) {
      if (i === layout.partStart[i]) {
        p++;
        firstRow.push(i);
      }
      partIds[i] = p;
    }
    const acc = kernel.create(argTypes, resultType, ctx);
    acc.update(args, partIds, p + 1);
    const perPart = acc.finish();
    return take(perPart, partIds);
  }
  // segment tree of states
  const levels: arrow.Data[][] = [];
  const base = kernel.create(argTypes, resultType, ctx);
  const ident = new Uint32Array(n);
  for (let i = 0; i < n; i++) ident[i] = i;
  base.update(args, ident, n);
  levels.push(base.state());
  let width = n;
  while (width > 1) {
    const next = (width + 1) >> 1;
    const ids = new Uint32Array(width);
    for (let k = 0; k < width; k++) ids[k] = k >> 1;
    const acc = kernel.create(argTypes, resultType, ctx);
    acc.merge(levels[levels.length - 1]!, ids, next);
    levels.push(acc.state());
    width = next;
  }
  // decompose frames: left nodes ascending by level, right nodes descending
  const L = levels.length;
  const leftNodes: number[][] = Array.from({ length: L }, () => []);
  const leftRows: number[][] = Array.from({ length: L }, () => []);
  const rightNodes: number[][] = Array.from({ length: L }, () => []);
  const rightRows: number[][] = Array.from({ length: L }, () => []);
  for (let i = 0; i < n; i++) {
    let l = frame.start[i]!;
    let r = frame.end[i]!;
    let level = 0;
    while (l < r) {
      if (l & 1) {
        leftNodes[level]!.push(l);
        leftRows[level]!.push(i);
        l++;
      }
      if (r & 1) {
        r--;
        rightNodes[level]!.push(r);
        rightRows[level]!.push(i);
      }
      l >>= 1;
      r >>= 1;
      level++;
    }
  }
  const final = kernel.create(argTypes, resultType, ctx);
  final.update(emptyArgs, new Uint32Array(0), n);
  const apply = (level: number, nodes: number[], rows: number[]): void => {
    if (nodes.length === 0) return;
    const idx = Int32Array.from(nodes);
    final.merge(
      levels[level]!.map((s) => take(s, idx)),
      Uint32Array.from(rows),
      n,
    );
  };
  for (let lv = 0; lv < L; lv++) apply(lv, leftNodes[lv]!, leftRows[lv]!);
  for (let lv = L - 1; lv >= 0; lv--) apply(lv, rightNodes[lv]!, rightRows[lv]!);
  return final.finish();
}

function wholePartition(frame: FrameBounds, layout: WindowLayout): boolean {
  for (let i = 0; i < layout.n; i++) if (frame.start[i] !== layout.partStart[i] || frame.end[i] !== layout.partEnd[i]) return false;
  return true;
}
