/** Statement parameters from JS values to typed SQL values (never spliced into the text). */
import { DeltaSqlError } from '../common/errors.js';
import { BINARY, BOOLEAN, DOUBLE, INT, LONG, NULL, STRING, TIMESTAMP } from '../common/types/data-type.js';
import type { ParamValue } from '../../planner/bind/bind-context.js';

export type SqlParam = null | undefined | boolean | number | bigint | string | Date | Uint8Array;
export type SqlParams = readonly SqlParam[] | Readonly<Record<string, SqlParam>>;

export function toParamValue(v: SqlParam, where: string): ParamValue {
  if (v === null || v === undefined) return { value: null, type: NULL };
  if (typeof v === 'boolean') return { value: v, type: BOOLEAN };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return { value: v, type: INT };
    if (Number.isSafeInteger(v)) return { value: BigInt(v), type: LONG };
    return { value: v, type: DOUBLE };
  }
  if (typeof v === 'bigint') return { value: v, type: LONG };
  if (typeof v === 'string') return { value: v, type: STRING };
  if (v instanceof Date) {
    const ms = v.getTime();
    if (!Number.isFinite(ms)) throw new DeltaSqlError('INVALID_ARGUMENT', `parameter ${where} is an invalid Date`);
    return { value: BigInt(ms) * 1000n, type: TIMESTAMP };
  }
  if (v instanceof Uint8Array) return { value: v, type: BINARY };
  throw new DeltaSqlError('INVALID_ARGUMENT', `parameter ${where} has an unsupported type`);
}

export function splitParams(params: SqlParams | undefined): { positional: ParamValue[]; named: Map<string, ParamValue> } {
  if (params === undefined) return { positional: [], named: new Map() };
  if (Array.isArray(params)) {
    return { positional: (params as readonly SqlParam[]).map((v, i) => toParamValue(v, `?${i + 1}`)), named: new Map() };
  }
  const named = new Map<string, ParamValue>();
  for (const [k, v] of Object.entries(params as Record<string, SqlParam>)) named.set(k, toParamValue(v, `:${k}`));
  return { positional: [], named };
}
