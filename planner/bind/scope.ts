/**
 * Name resolution scope: the columns visible to an expression, each with the qualifier it can
 * be reached by (`t`, `db.t`). Matching is case-insensitive unless spark.sql.caseSensitive.
 * A scope may have an outer scope (correlated subqueries): references found there are recorded.
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import type { Span } from '../../grammar/ast/index.js';
import type { LogicalColumn } from '../logical/logical-plan.js';
import { suggestNames } from './suggest.js';

export interface ScopeColumn {
  readonly column: LogicalColumn;
  /** Qualifier parts as written for the relation (e.g. ['t'] or ['db', 't']); empty for none. */
  readonly qualifier: readonly string[];
  /** Hidden from `*` (e.g. the right copy of a USING column). */
  readonly hiddenFromStar?: boolean;
  /** Reachable only through its qualifier (`l.k` after `JOIN … USING (k)`), and by `l.*`. */
  readonly qualifiedOnly?: boolean;
}

export interface Resolved {
  readonly column: LogicalColumn;
  /** Leftover name parts: struct fields to extract. */
  readonly fields: readonly string[];
  /** True when found in an outer scope. */
  readonly outer: boolean;
}

export class Scope {
  /** Ids referenced from an outer scope while binding in this scope (correlation). */
  readonly outerRefs = new Map<number, LogicalColumn>();

  constructor(
    readonly columns: readonly ScopeColumn[],
    readonly caseSensitive: boolean,
    readonly parent: Scope | undefined = undefined,
  ) {}

  withColumns(columns: readonly ScopeColumn[]): Scope {
    return new Scope(columns, this.caseSensitive, this.parent);
  }

  private eq(a: string, b: string): boolean {
    return this.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
  }

  private qualifierMatches(q: readonly string[], parts: readonly string[]): boolean {
    if (parts.length > q.length) return false;
    const off = q.length - parts.length;
    return parts.every((p, i) => this.eq(q[off + i] ?? '', p));
  }

  /** Local lookup: undefined when nothing matches; throws AMBIGUOUS_COLUMN on several matches. */
  lookupLocal(parts: readonly string[], span?: Span): Resolved | undefined {
    for (let k = Math.min(parts.length - 1, 3); k >= 0; k--) {
      const qual = parts.slice(0, k);
      const name = parts[k] ?? '';
      const hits = this.columns.filter(
        (c) => this.eq(c.column.name, name) && this.qualifierMatches(c.qualifier, qual) && !(c.qualifiedOnly === true && qual.length === 0),
      );
      const distinct = [...new Map(hits.map((h) => [h.column.id, h])).values()];
      if (distinct.length > 1) {
        throw new DeltaSqlError(
          'AMBIGUOUS_COLUMN',
          `column reference \`${parts.slice(0, k + 1).join('.')}\` is ambiguous: it could be ${distinct
            .map((h) => `\`${[...h.qualifier, h.column.name].join('.')}\``)
            .join(', ')}`,
          { position: span?.start, hint: 'qualify the column with its table name or alias' },
        );
      }
      const hit = distinct[0];
      if (hit !== undefined) return { column: hit.column, fields: parts.slice(k + 1), outer: false };
    }
    return undefined;
  }

  /** Resolve through this scope and its outer scopes, or undefined. */
  lookup(parts: readonly string[], span?: Span): Resolved | undefined {
    const local = this.lookupLocal(parts, span);
    if (local !== undefined) return local;
    if (this.parent === undefined) return undefined;
    const found = this.parent.lookup(parts, span);
    if (found === undefined) return undefined;
    this.outerRefs.set(found.column.id, found.column);
    return { ...found, outer: true };
  }

  /** Resolve or throw UNKNOWN_COLUMN with a did-you-mean list. */
  resolve(parts: readonly string[], span?: Span): Resolved {
    const found = this.lookup(parts, span);
    if (found !== undefined) return found;
    const candidates = this.columns.map((c) => [...c.qualifier, c.column.name].join('.'));
    const wanted = parts.join('.');
    const suggestions = suggestNames(wanted, candidates);
    const shown = wanted.split('.').map((p) => `\`${p}\``).join('.');
    throw new DeltaSqlError(
      'UNKNOWN_COLUMN',
      `A column or function parameter with name ${shown} cannot be resolved.` +
        (suggestions.length > 0 ? ` Did you mean one of the following? [${suggestions.map((s) => `\`${s}\``).join(', ')}]` : ''),
      { position: span?.start, ...(suggestions[0] !== undefined ? { hint: `did you mean \`${suggestions[0]}\`?` } : {}) },
    );
  }

  /** Columns for `*` or `q.*`. */
  star(qualifier: readonly string[] | undefined, span?: Span): LogicalColumn[] {
    const cols = this.columns.filter((c) =>
      qualifier === undefined ? !c.hiddenFromStar && c.qualifiedOnly !== true : c.qualifier.length > 0 && this.qualifierMatches(c.qualifier, qualifier),
    );
    if (qualifier !== undefined && cols.length === 0 && !this.columns.some((c) => this.qualifierMatches(c.qualifier, qualifier))) {
      throw new DeltaSqlError('UNKNOWN_COLUMN', `cannot resolve \`${qualifier.join('.')}.*\`: no such table or alias in FROM`, {
        position: span?.start,
      });
    }
    return cols.map((c) => c.column);
  }
}
