/** A test table with every Delta primitive type plus list, struct and map, nulls included. */
import * as arrow from 'apache-arrow';

const N = 5;
/** Row 3 is null in every nullable column. */
const validity = new Uint8Array([0b10111]);

function fixed(type: arrow.DataType, values: ArrayBufferView): arrow.Vector {
  const data = new arrow.Data(type, 0, N, 1, { [arrow.BufferType.DATA]: values, [arrow.BufferType.VALIDITY]: validity });
  return new arrow.Vector([data]);
}

/** Decimal128 words for unscaled values (little-endian 32-bit words, two's complement). */
function decimalWords(values: readonly bigint[]): Uint32Array {
  const out = new Uint32Array(values.length * 4);
  values.forEach((v, i) => {
    let u = BigInt.asUintN(128, v);
    for (let w = 0; w < 4; w++) {
      out[i * 4 + w] = Number(u & 0xffffffffn);
      u >>= 32n;
    }
  });
  return out;
}

export const DECIMAL_5_2 = [12345n, -99999n, 0n, 0n, 1n];
export const DECIMAL_15_3 = [123456789012345n, -5n, 7n, 0n, -999999999999999n];
export const DECIMAL_30_5 = [10n ** 29n + 7n, -(10n ** 29n), 42n, 0n, -1n];
export const TS_MICROS = [0n, 1_700_000_000_123_456n, -1_000_001n, 0n, 253_402_300_799_999_999n];

export function sampleTable(): arrow.Table {
  const listType = new arrow.List(new arrow.Field('element', new arrow.Int32(), true));
  const structType = new arrow.Struct([new arrow.Field('a', new arrow.Int32(), true), new arrow.Field('b', new arrow.Utf8(), true)]);
  const entries = new arrow.Struct<{ key: arrow.Utf8; value: arrow.Int64 }>([
    new arrow.Field('key', new arrow.Utf8(), false),
    new arrow.Field('value', new arrow.Int64(), true),
  ]);
  const mapType = new arrow.Map_<arrow.Utf8, arrow.Int64>(new arrow.Field('entries', entries, false));
  return new arrow.Table({
    bool: fixed(new arrow.Bool(), new Uint8Array([0b00101])),
    byte: fixed(new arrow.Int8(), new Int8Array([-128, 127, 0, 0, 5])),
    short: fixed(new arrow.Int16(), new Int16Array([-32768, 32767, 1, 0, -1])),
    int: fixed(new arrow.Int32(), new Int32Array([-2147483648, 2147483647, 3, 0, 9])),
    long: fixed(new arrow.Int64(), new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, 4n, 0n, 10n])),
    float: fixed(new arrow.Float32(), new Float32Array([-1.5, 3.25, 0, 0, 1e10])),
    double: fixed(new arrow.Float64(), new Float64Array([-1e300, 2.5, Math.PI, 0, -0.125])),
    dec_5_2: fixed(new arrow.Decimal(2, 5, 128), decimalWords(DECIMAL_5_2)),
    dec_15_3: fixed(new arrow.Decimal(3, 15, 128), decimalWords(DECIMAL_15_3)),
    dec_30_5: fixed(new arrow.Decimal(5, 30, 128), decimalWords(DECIMAL_30_5)),
    date: fixed(new arrow.DateDay(), new Int32Array([0, 19000, -719162, 0, 2932896])),
    ts: fixed(new arrow.TimestampMicrosecond('UTC'), new BigInt64Array(TS_MICROS)),
    ts_ntz: fixed(new arrow.TimestampMicrosecond(null), new BigInt64Array(TS_MICROS)),
    str: arrow.vectorFromArray(['héllo', '', 'z😈', null, 'abc'], new arrow.Utf8()),
    bin: arrow.vectorFromArray([new Uint8Array([0, 255]), new Uint8Array([]), new Uint8Array([1]), null, new Uint8Array([0])], new arrow.Binary()),
    list: arrow.vectorFromArray([[1, null, 3], [], [7], null, [-1]], listType),
    struct: arrow.vectorFromArray([{ a: 1, b: 'x' }, { a: null, b: null }, { a: 3, b: 'z' }, null, { a: 5, b: 'w' }], structType),
    map: arrow.vectorFromArray(
      [new Map([['k', 1n]]), new Map<string, bigint>(), new Map([['a', null], ['b', 2n]]), null, new Map([['x', -3n]])],
      mapType,
    ),
  });
}
