/**
 * A single SQL value in JS form, as literals and scalar results carry it. The DataType beside it
 * says how to read it:
 *   boolean → boolean; byte/short/int/float/double → number; long → bigint;
 *   decimal(p,s) → bigint holding the unscaled value; string → string; binary → Uint8Array;
 *   date → number (days since 1970-01-01); timestamp/timestamp_ntz → bigint (µs since epoch);
 *   interval year_month → number (months); interval day_time → bigint (µs);
 *   array → ScalarValue[]; struct → ScalarValue[] by field position; map → MapValue; SQL NULL → null.
 * Plain data only: it must survive structured clone to a worker.
 */
export type ScalarValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | readonly ScalarValue[]
  | MapValue;

export interface MapValue {
  readonly keys: readonly ScalarValue[];
  readonly values: readonly ScalarValue[];
}

export function isMapValue(v: ScalarValue): v is MapValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}
