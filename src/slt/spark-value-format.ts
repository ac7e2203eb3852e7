/**
 * Spark's rendering of result values in golden files (HiveResult.toHiveString, FORMAT.md §8),
 * and the `struct<name:type,...>` schema line (catalogString).
 */
import type * as arrow from 'apache-arrow';
import { fromArrowField } from '../common/types/arrow-type.js';
import { typeToSql } from '../common/types/data-type.js';
import type { Cell } from './arrow-cells.js';
import { decimalPlain, javaFloatString } from './number-text.js';
import { dateText, dayTimeIntervalText, sparkTimestampText, yearMonthIntervalText } from './temporal-text.js';

const utf8 = new TextDecoder('utf-8');

/**
 * One value as Spark prints it. `zone` is the session time zone used for zoned timestamps;
 * nested values print null as `null` and quote strings.
 */
export function sparkValueText(cell: Cell, zone: string, nested = false): string {
  if (cell === null) return nested ? 'null' : 'NULL';
  switch (cell.t) {
    case 'bool':
      return cell.v ? 'true' : 'false';
    case 'int':
      return cell.v.toString();
    case 'float':
      return javaFloatString(cell.v, cell.single);
    case 'decimal':
      return decimalPlain(cell.unscaled, cell.scale);
    case 'string':
      return nested ? `"${cell.v}"` : cell.v;
    case 'binary':
      return utf8.decode(cell.v);
    case 'date':
      return dateText(cell.days);
    case 'timestamp':
      return sparkTimestampText(cell.micros, cell.zone === null ? null : zone);
    case 'interval-ym':
      return yearMonthIntervalText(cell.months);
    case 'interval-dt':
      return dayTimeIntervalText(cell.micros);
    case 'list':
      return `[${cell.items.map((c) => sparkValueText(c, zone, true)).join(',')}]`;
    case 'struct':
      return `{${cell.fields.map((f) => `"${f.name}":${sparkValueText(f.value, zone, true)}`).join(',')}}`;
    case 'map': {
      const entries = cell.entries.map((e) => `${sparkValueText(e.key, zone, true)}:${sparkValueText(e.value, zone, true)}`);
      return `{${entries.sort().join(',')}}`;
    }
  }
}

/** The schema line Spark writes for a result: `struct<a:int,sum(v):bigint>`. */
export function sparkSchemaText(schema: arrow.Schema): string {
  return `struct<${schema.fields.map((f) => `${f.name}:${sparkFieldTypeText(f)}`).join(',')}>`;
}

/** A column's type as Spark's catalogString spells it (`bigint`, `decimal(10,2)`, `array<int>`). */
export function sparkFieldTypeText(field: arrow.Field): string {
  return typeToSql(fromArrowField(field).type);
}
