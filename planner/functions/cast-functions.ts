/**
 * Function-call forms of CAST (Spark's `int(x)`, `bigint(x)`, `double(x)`, `string(x)`,
 * `date(x)`, `timestamp(x)`, `decimal(x)`, ...) and DataFusion's `arrow_cast(x, 'Int64')` for
 * the Arrow type names that map onto Spark types. All resolve to the `cast_function` kernel,
 * which casts from the argument's type to the resolved return type.
 */
import { DeltaSqlError, unsupported } from '../../src/common/errors.js';
import { BINARY, BOOLEAN, BYTE, DATE, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP, TIMESTAMP_NTZ, decimal, typeToSql, type DataType } from '../../src/common/types/data-type.js';
import { canCast } from './cast-rules.js';
import { checkArgCount, customFunction } from './define-function.js';
import type { FunctionSignature } from './function-signature.js';

const TARGETS: Record<string, DataType> = {
  boolean: BOOLEAN, tinyint: BYTE, smallint: SHORT, int: INT, bigint: LONG, float: FLOAT, double: DOUBLE,
  string: STRING, binary: BINARY, date: DATE, timestamp: TIMESTAMP, timestamp_ntz: TIMESTAMP_NTZ, decimal: decimal(10, 0),
};

function castFn(name: string, target: DataType): FunctionSignature {
  return customFunction(
    name,
    (argTypes, o) => {
      checkArgCount(name, argTypes.length, 1, 1);
      if (!canCast(argTypes[0]!, target, o.ansi))
        throw new DeltaSqlError('TYPE_MISMATCH', `cannot cast ${typeToSql(argTypes[0]!)} to ${typeToSql(target)}`);
      return { argTypes, returnType: target, nullable: true };
    },
    'scalar',
    true,
    'cast_function',
  );
}

/** Arrow type names (DataFusion spelling) that have an exact Spark counterpart. */
export function arrowTypeName(text: string): DataType {
  const t = text.trim();
  const simple: Record<string, DataType> = {
    Boolean: BOOLEAN, Int8: BYTE, Int16: SHORT, Int32: INT, Int64: LONG, UInt8: SHORT, UInt16: INT, UInt32: LONG,
    Float32: FLOAT, Float64: DOUBLE, Utf8: STRING, LargeUtf8: STRING, Utf8View: STRING, Binary: BINARY, LargeBinary: BINARY, BinaryView: BINARY, Date32: DATE,
  };
  const s = simple[t];
  if (s) return s;
  const dec = /^Decimal128\((\d+),\s*(-?\d+)\)$/.exec(t);
  if (dec && Number(dec[1]) <= 38 && Number(dec[2]) >= 0) return decimal(Number(dec[1]), Number(dec[2]));
  if (/^Timestamp\(Microsecond, None\)$/.test(t)) return TIMESTAMP_NTZ;
  return unsupported(`arrow_cast to Arrow type ${t}`);
}

const arrowCast = customFunction(
  'arrow_cast',
  (argTypes, o) => {
    checkArgCount('arrow_cast', argTypes.length, 2, 2);
    const name = o.literalArgs[1];
    if (typeof name !== 'string') throw new DeltaSqlError('INVALID_ARGUMENT', 'arrow_cast: the type must be a string constant');
    const target = arrowTypeName(name);
    if (!canCast(argTypes[0]!, target, o.ansi)) throw new DeltaSqlError('TYPE_MISMATCH', `cannot cast ${typeToSql(argTypes[0]!)} to ${name}`);
    return { argTypes, returnType: target, nullable: true };
  },
  'scalar',
  true,
  'cast_function',
);

export const CAST_FUNCTIONS: readonly FunctionSignature[] = [...Object.entries(TARGETS).map(([n, t]) => castFn(n, t)), arrowCast];
