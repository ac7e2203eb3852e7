import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

/** A position in SQL text; line and column are 1-based, offset is 0-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface DeltaSqlErrorOptions {
  readonly position?: SourcePosition | undefined;
  readonly hint?: string | undefined;
  readonly cause?: unknown;
}

/** The one error class deltasql throws. `code` is stable; `message` is for people. */
export class DeltaSqlError extends Error {
  readonly code: ErrorCode;
  readonly position: SourcePosition | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: DeltaSqlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeltaSqlError';
    this.code = code;
    this.position = options.position;
    this.hint = options.hint;
  }

  /** Plain data form, so the error can cross a worker boundary and be rebuilt. */
  toJSON(): SerializedDeltaSqlError {
    return {
      code: this.code,
      message: this.message,
      ...(this.position ? { position: this.position } : {}),
      ...(this.hint !== undefined ? { hint: this.hint } : {}),
    };
  }

  static fromJSON(data: SerializedDeltaSqlError): DeltaSqlError {
    return new DeltaSqlError(data.code, data.message, { position: data.position, hint: data.hint });
  }
}

export interface SerializedDeltaSqlError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly position?: SourcePosition;
  readonly hint?: string;
}

export function isDeltaSqlError(value: unknown): value is DeltaSqlError {
  return value instanceof DeltaSqlError;
}

/** Raise `UNSUPPORTED` naming the feature: the honest answer for what we do not do yet. */
export function unsupported(feature: string, options: DeltaSqlErrorOptions = {}): never {
  throw new DeltaSqlError('UNSUPPORTED', `${feature} is not supported`, options);
}

/** Assert an internal invariant; a failure is a deltasql bug (INTERNAL). */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new DeltaSqlError('INTERNAL', `internal error: ${message}`);
}

/** Wrap an unknown thrown value (I/O failures and the like) as a DeltaSqlError. */
export function toDeltaSqlError(error: unknown, code: ErrorCode = 'INTERNAL', context?: string): DeltaSqlError {
  if (error instanceof DeltaSqlError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new DeltaSqlError(code, context ? `${context}: ${text}` : text, { cause: error });
}
