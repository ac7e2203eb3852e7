/** A column repeating one typed scalar: partition values become constant columns of the batch. */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import { toArrowType } from '../../common/types/arrow-type.js';
import type { DataType } from '../../common/types/data-type.js';
import type { PartitionScalar } from '../partition-value.js';
import { buildData, nullData } from './bitmap.js';
import { decimalWordsOf } from './numeric-cast.js';

const encoder = new TextEncoder();

function repeatBytes(bytes: Uint8Array, n: number): { offsets: Int32Array; values: Uint8Array } {
  const offsets = new Int32Array(n + 1);
  const values = new Uint8Array(bytes.length * n);
  for (let i = 0; i < n; i++) {
    values.set(bytes, i * bytes.length);
    offsets[i + 1] = (i + 1) * bytes.length;
  }
  return { offsets, values };
}

export function constantData(t: DataType, value: PartitionScalar, n: number): arrow.Data {
  const type = toArrowType(t);
  if (value === null) return nullData(type, n);
  switch (t.kind) {
    case 'boolean':
      return buildData(type, n, undefined, undefined, new Uint8Array((n + 7) >>> 3).fill(value === true ? 0xff : 0));
    case 'byte':
      return buildData(type, n, undefined, undefined, new Int8Array(n).fill(Number(value)));
    case 'short':
      return buildData(type, n, undefined, undefined, new Int16Array(n).fill(Number(value)));
    case 'int':
    case 'date':
      return buildData(type, n, undefined, undefined, new Int32Array(n).fill(Number(value)));
    case 'long':
    case 'timestamp':
    case 'timestamp_ntz':
      return buildData(type, n, undefined, undefined, new BigInt64Array(n).fill(BigInt(value as bigint | number)));
    case 'float':
      return buildData(type, n, undefined, undefined, new Float32Array(n).fill(Number(value)));
    case 'double':
      return buildData(type, n, undefined, undefined, new Float64Array(n).fill(Number(value)));
    case 'decimal': {
      const one = decimalWordsOf(BigInt(value as bigint));
      const words = new Uint32Array(n * 4);
      for (let i = 0; i < n; i++) words.set(one, i * 4);
      return buildData(type, n, undefined, undefined, words);
    }
    case 'string':
    case 'binary': {
      const bytes = typeof value === 'string' ? encoder.encode(value) : (value as Uint8Array);
      const { offsets, values } = repeatBytes(bytes, n);
      return buildData(type, n, undefined, offsets, values);
    }
    default:
      throw new DeltaSqlError('UNSUPPORTED', `a constant column of type ${t.kind} is not supported`);
  }
}
