import { DeltaSqlError, unsupported, type SourcePosition } from '../../src/common/errors.js';
import {
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MAX_DECIMAL_PRECISION,
  NULL,
  SHORT,
  STRING,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  decimal,
  type DataType,
} from '../../src/common/types/data-type.js';
import type { TypeNode } from '../ast/types.js';

const SIMPLE: Readonly<Record<string, DataType>> = {
  BOOLEAN,
  BOOL: BOOLEAN,
  TINYINT: BYTE,
  BYTE,
  SMALLINT: SHORT,
  SHORT,
  INT,
  INTEGER: INT,
  BIGINT: LONG,
  LONG,
  FLOAT,
  REAL: FLOAT,
  DOUBLE,
  STRING,
  TEXT: STRING,
  VARCHAR: STRING,
  CHAR: STRING,
  CHARACTER: STRING,
  BINARY,
  BLOB: BINARY,
  DATE,
  TIMESTAMP,
  TIMESTAMP_LTZ: TIMESTAMP,
  TIMESTAMP_NTZ,
  VOID: NULL,
};

const STRING_LIKE = new Set(['VARCHAR', 'CHAR', 'CHARACTER']);

/** Map a primitive type name with its numeric parameters (`DECIMAL(10,2)`, `VARCHAR(30)`) to a DataType. */
export function namedType(name: string, params: readonly number[], position: SourcePosition): DataType {
  const upper = name.toUpperCase();
  const bad = (msg: string): never => {
    throw new DeltaSqlError('SYNTAX_ERROR', `${msg} at line ${position.line}, column ${position.column}`, { position });
  };
  if (upper === 'DECIMAL' || upper === 'DEC' || upper === 'NUMERIC') {
    if (params.length > 2) bad(`${name} takes at most two parameters (precision, scale)`);
    const precision = params[0] ?? 10;
    const scale = params[1] ?? 0;
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION) bad(`Decimal precision ${precision} is out of range 1..${MAX_DECIMAL_PRECISION}`);
    if (scale > precision) bad(`Decimal scale ${scale} is larger than its precision ${precision}`);
    return decimal(precision, scale);
  }
  const t = SIMPLE[upper];
  if (!t) {
    if (upper === 'INTERVAL') return unsupported('the legacy INTERVAL (calendar interval) type', { position });
    return bad(`Unknown data type '${name}'`);
  }
  if (params.length > 0 && !(STRING_LIKE.has(upper) && params.length === 1)) {
    bad(`Data type ${upper} takes no parameters`);
  }
  return t;
}

export function dataTypeOfNode(node: unknown): DataType {
  return (node as TypeNode).type;
}
