import type { SourcePosition } from '../../src/common/errors.js';

/** Where a node came from in the SQL text: start of its first token to the end of its last. */
export interface Span {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** Every AST node carries its source span. */
export interface Node {
  readonly span: Span;
}

/**
 * A name as written. `name` keeps the original text (case preserved, backquotes removed and
 * doubled backquotes unescaped); `quoted` says it was backquoted. Matching is the binder's call.
 */
export interface Identifier extends Node {
  readonly kind: 'identifier';
  readonly name: string;
  readonly quoted: boolean;
}

/**
 * A possibly qualified object name (`db.t`, `catalog.db.t`, `delta.\`/path\``).
 * `parts[i]` is the text of part i, `quoted[i]` whether it was backquoted (or a string path).
 */
export interface ObjectName extends Node {
  readonly kind: 'objectName';
  readonly parts: readonly string[];
  readonly quoted: readonly boolean[];
}

/** `key = value` in TBLPROPERTIES / OPTIONS; keys are dotted names or strings, values literal text. */
export interface Property extends Node {
  readonly kind: 'property';
  readonly key: string;
  /** The value as text (strings unescaped, numbers and booleans as written); absent for UNSET-style keys. */
  readonly value?: string;
}
