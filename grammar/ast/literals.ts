import type { Node } from './node.js';

/** Spark numeric literal suffixes: L long, S short, Y tinyint, D double, F float, BD decimal. */
export type NumberSuffix = 'L' | 'S' | 'Y' | 'D' | 'F' | 'BD';

/**
 * A numeric literal as written, without its suffix (`1`, `1.5`, `.5`, `1e3`, `1.5E-2`). A minus sign
 * written directly before the literal is part of `text` (`-2147483648` is one int literal, as in Spark).
 * Spark types it from the text: integral fits int → int else long/decimal; with a point → decimal;
 * with an exponent → double; a suffix forces the type.
 */
export interface NumberLiteral extends Node {
  readonly kind: 'number';
  readonly text: string;
  readonly suffix?: NumberSuffix;
}

/** A string literal, already unescaped per Spark rules (adjacent literals concatenated). */
export interface StringLiteral extends Node {
  readonly kind: 'string';
  readonly value: string;
}

export interface BooleanLiteral extends Node {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullLiteral extends Node {
  readonly kind: 'null';
}

/** `DATE '…'`, `TIMESTAMP '…'`, `TIMESTAMP_NTZ '…'`, `TIMESTAMP_LTZ '…'` (ltz is Spark's timestamp). */
export interface TypedLiteral extends Node {
  readonly kind: 'typedLiteral';
  readonly type: 'date' | 'timestamp' | 'timestamp_ntz' | 'timestamp_ltz';
  /** The string contents, unescaped, not yet validated. */
  readonly value: string;
}

/** `X'0A1B'`: hex digits as written (validated as hex, even count not required: Spark pads). */
export interface BinaryLiteral extends Node {
  readonly kind: 'binaryLiteral';
  readonly hex: string;
}

export type IntervalUnit =
  | 'year'
  | 'month'
  | 'week'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'millisecond'
  | 'microsecond';

/**
 * One `value unit [TO unit]` part of an interval literal. `value` is the number text or the string
 * contents; `negative` records a leading `-` written before the value.
 * `unit` absent means a whole interval string (`INTERVAL '1 day 2 hours'`).
 */
export interface IntervalPart {
  readonly value: string;
  readonly quoted: boolean;
  readonly negative: boolean;
  readonly unit?: IntervalUnit;
  readonly toUnit?: IntervalUnit;
}

/** `INTERVAL '1' DAY`, `INTERVAL 1 DAY 2 HOURS`, `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '1 day'`. */
export interface IntervalLiteral extends Node {
  readonly kind: 'interval';
  readonly parts: readonly IntervalPart[];
}

export type Literal =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | NullLiteral
  | TypedLiteral
  | BinaryLiteral
  | IntervalLiteral;
