import type { DataType } from '../../src/common/types/data-type.js';
import type { Node } from './node.js';

/**
 * A data type as written in SQL, already mapped to the shared DataType model
 * (VARCHAR(n)/CHAR(n)/TEXT → string, INTEGER → int, NUMERIC → decimal(10,0), …).
 * `text` is the type as written (original spelling), for messages.
 */
export interface TypeNode extends Node {
  readonly kind: 'type';
  readonly type: DataType;
  readonly text: string;
}
