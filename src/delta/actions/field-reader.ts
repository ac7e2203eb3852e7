/**
 * Narrowing helpers for action fields read from `unknown` (JSON lines or checkpoint rows).
 * A wrong shape throws ActionFormatError; the log reader turns it into CORRUPT_LOG naming file and line.
 */
import type { StringMap } from './action-types.js';

export class ActionFormatError extends Error {}

export type Json = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function fail(action: string, field: string, expected: string, value: unknown): never {
  throw new ActionFormatError(`${action}.${field} must be ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Reads typed fields of one action object, naming the action in errors. */
export class FieldReader {
  constructor(
    readonly action: string,
    readonly obj: Json,
  ) {}

  has(field: string): boolean {
    const v = this.obj[field];
    return v !== undefined && v !== null;
  }

  string(field: string): string {
    const v = this.obj[field];
    if (typeof v !== 'string') fail(this.action, field, 'a string', v);
    return v;
  }

  optString(field: string): string | undefined {
    const v = this.obj[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') fail(this.action, field, 'a string', v);
    return v;
  }

  long(field: string): number {
    const v = this.obj[field];
    const n = toNumber(v);
    if (n === undefined) fail(this.action, field, 'a number', v);
    return n;
  }

  optLong(field: string): number | undefined {
    const v = this.obj[field];
    if (v === undefined || v === null) return undefined;
    return this.long(field);
  }

  bool(field: string, fallback?: boolean): boolean {
    const v = this.obj[field];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (typeof v !== 'boolean') fail(this.action, field, 'a boolean', v);
    return v;
  }

  optBool(field: string): boolean | undefined {
    const v = this.obj[field];
    if (v === undefined || v === null) return undefined;
    return this.bool(field);
  }

  stringMap(field: string): StringMap {
    const v = this.obj[field];
    if (v === undefined || v === null) return {};
    if (!isRecord(v)) fail(this.action, field, 'an object of strings', v);
    for (const x of Object.values(v)) {
      if (x !== null && typeof x !== 'string') fail(this.action, field, 'an object of strings', v);
    }
    return v as StringMap;
  }

  optStringMap(field: string): StringMap | undefined {
    const v = this.obj[field];
    if (v === undefined || v === null) return undefined;
    return this.stringMap(field);
  }

  stringArray(field: string): string[] {
    const v = this.obj[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(this.action, field, 'an array of strings', v);
    return v as string[];
  }

  optStringArray(field: string): string[] | undefined {
    const v = this.obj[field];
    if (v === undefined || v === null) return undefined;
    return this.stringArray(field);
  }

  record(field: string): Json | undefined {
    const v = this.obj[field];
    if (v === undefined || v === null) return undefined;
    if (!isRecord(v)) fail(this.action, field, 'an object', v);
    return v;
  }
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}
