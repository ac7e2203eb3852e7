/**
 * Which explicit casts exist (Spark's Cast.canAnsiCast / Cast.canCast). The binder raises
 * TYPE_MISMATCH for a CAST the table does not allow; the executor's castColumnar implements each.
 */
import { isNumeric, sameType, type DataType } from '../../src/common/types/data-type.js';

function isDatetime(t: DataType): boolean {
  return t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp_ntz';
}

function isAtomic(t: DataType): boolean {
  return t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'struct';
}

/** CAST(from AS to) allowed under ANSI (`ansi`) or legacy rules. TRY_CAST follows the ANSI table. */
export function canCast(from: DataType, to: DataType, ansi = true): boolean {
  if (sameType(from, to) || from.kind === 'null') return true;
  if (to.kind === 'string') return true;
  switch (to.kind) {
    case 'binary':
      return from.kind === 'string' || (!ansi && ['byte', 'short', 'int', 'long'].includes(from.kind));
    case 'boolean':
      return from.kind === 'string' || isNumeric(from) || (!ansi && isDatetime(from));
    case 'date':
      return from.kind === 'string' || from.kind === 'timestamp' || from.kind === 'timestamp_ntz';
    case 'timestamp':
      return from.kind === 'string' || from.kind === 'date' || from.kind === 'timestamp_ntz' || isNumeric(from) || (!ansi && from.kind === 'boolean');
    case 'timestamp_ntz':
      return from.kind === 'string' || from.kind === 'date' || from.kind === 'timestamp';
    case 'interval':
      return from.kind === 'string' || (from.kind === 'interval' && from.unit === to.unit) || ['byte', 'short', 'int', 'long', 'decimal'].includes(from.kind);
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'decimal':
      return (
        from.kind === 'string' ||
        from.kind === 'boolean' ||
        isNumeric(from) ||
        from.kind === 'timestamp' ||
        (!ansi && from.kind === 'date') ||
        (from.kind === 'interval' && to.kind !== 'float' && to.kind !== 'double')
      );
    case 'array':
      return from.kind === 'array' && canCast(from.element, to.element, ansi) && (!from.containsNull || to.containsNull || ansi);
    case 'map':
      return from.kind === 'map' && canCast(from.key, to.key, ansi) && canCast(from.value, to.value, ansi);
    case 'struct':
      return (
        from.kind === 'struct' &&
        from.fields.length === to.fields.length &&
        from.fields.every((f, i) => canCast(f.type, to.fields[i]!.type, ansi))
      );
    default:
      return false;
  }
}

/**
 * Cast.canANSIStoreAssign: the casts an INSERT (and ANSI implicit coercion of function
 * arguments) may add silently: numeric ↔ numeric, atomic → string, date → timestamp(_ntz), nested by element.
 */
export function canStoreAssign(from: DataType, to: DataType): boolean {
  if (sameType(from, to) || from.kind === 'null') return true;
  if (isNumeric(from) && isNumeric(to)) return true;
  if (to.kind === 'string') return isAtomic(from);
  if (from.kind === 'date' && (to.kind === 'timestamp' || to.kind === 'timestamp_ntz')) return true;
  if (from.kind === 'timestamp_ntz' && to.kind === 'timestamp') return true;
  if (from.kind === 'timestamp' && to.kind === 'timestamp_ntz') return true;
  if (from.kind === 'array' && to.kind === 'array') return canStoreAssign(from.element, to.element);
  if (from.kind === 'map' && to.kind === 'map') return canStoreAssign(from.key, to.key) && canStoreAssign(from.value, to.value);
  if (from.kind === 'struct' && to.kind === 'struct')
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canStoreAssign(f.type, to.fields[i]!.type));
  return false;
}
