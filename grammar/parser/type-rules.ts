import type { IToken } from 'chevrotain';
import { arrayOf, field, mapOf, struct, type DataType, type StructField } from '../../src/common/types/data-type.js';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { TypeNode } from '../ast/types.js';
import { tokenStart } from '../lex.js';
import * as T from '../tokens.js';
import { kw } from '../tokens.js';
import { namedType } from '../to-ast/type-node.js';
import type { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { is } from './lookahead.js';
import { intervalUnitOf } from './expr-rules.js';

const ARRAY = kw('ARRAY');
const MAP = kw('MAP');
const STRUCT = kw('STRUCT');
const INTERVAL = kw('INTERVAL');
const TO = kw('TO');
const NOT = kw('NOT');
const NULL = kw('NULL');
const COMMENT = kw('COMMENT');

export function defineTypeRules($: ParserBase, r: Rules, source: () => string): void {
  const node = (start: IToken, type: DataType): TypeNode => {
    const span = $.span(start);
    return { kind: 'type', type, text: source().slice(span.start.offset, span.end.offset), span };
  };

  r.dataType = $.rule('dataType', (): TypeNode => {
    const start = $.la(1);
    return $.alt<TypeNode>([
      {
        GATE: () => is($.la(2), T.Lt),
        ALT: () => {
          $.c(ARRAY);
          $.c(T.Lt);
          const e = $.s(r.dataType);
          $.c(T.Gt);
          return $.act(() => node(start, arrayOf(e.type)));
        },
      },
      {
        GATE: () => is($.la(2), T.Lt),
        ALT: () => {
          $.c(MAP);
          $.c(T.Lt, 1);
          const k = $.s(r.dataType, 1);
          $.c(T.Comma);
          const v = $.s(r.dataType, 2);
          $.c(T.Gt, 1);
          return $.act(() => node(start, mapOf(k.type, v.type)));
        },
      },
      {
        GATE: () => is($.la(2), T.Lt),
        ALT: () => {
          $.c(STRUCT);
          $.c(T.Lt, 2);
          const fields = $.sep0(T.Comma, () => $.s(r.structField), 1);
          $.c(T.Gt, 2);
          return $.act(() => node(start, struct(fields)));
        },
      },
      {
        GATE: () => intervalUnitOf($.la(2)) !== undefined,
        ALT: () => {
          $.c(INTERVAL);
          const from = $.c(T.Ident);
          const to = $.opt(() => {
            $.c(TO);
            return $.c(T.Ident, 1);
          });
          return $.act(() => {
            const units = [from, to].filter((t): t is IToken => t !== undefined).map((t) => {
              const u = intervalUnitOf(t);
              if (!u || u === 'week' || u === 'millisecond' || u === 'microsecond') {
                throw new DeltaSqlError('SYNTAX_ERROR', `Invalid interval type unit '${t.image}' at line ${t.startLine}, column ${t.startColumn}`, { position: tokenStart(t) });
              }
              return u;
            });
            const yearMonth = units.every((u) => u === 'year' || u === 'month');
            const dayTime = units.every((u) => u !== 'year' && u !== 'month');
            if (!yearMonth && !dayTime) {
              throw new DeltaSqlError('SYNTAX_ERROR', `Interval type cannot mix year-month and day-time units at line ${start.startLine}, column ${start.startColumn}`, { position: tokenStart(start) });
            }
            return node(start, { kind: 'interval', unit: yearMonth ? 'year_month' : 'day_time' });
          });
        },
      },
      {
        ALT: () => {
          const name = $.c(T.Ident, 2);
          const second = $.opt(() => $.c(T.Ident, 3), 1, () => /^(PRECISION|VARYING)$/i.test($.la(1).image) && is($.la(1), T.Identifier));
          const params = $.opt(() => {
            $.c(T.LParen);
            const ns = $.sep1(T.Comma, () => $.c(T.NumberLit), 2);
            $.c(T.RParen);
            return ns;
          }, 2);
          return $.act(() => {
            const upper = name.image.toUpperCase();
            const words = second ? `${upper} ${second.image.toUpperCase()}` : upper;
            const typeName = words === 'DOUBLE PRECISION' ? 'DOUBLE' : words === 'CHARACTER VARYING' ? 'VARCHAR' : second ? words : name.tokenType === T.BackquotedIdent ? `\`${upper}` : upper;
            const nums = (params ?? []).map((t) => {
              if (!/^\d+$/.test(t.image)) {
                throw new DeltaSqlError('SYNTAX_ERROR', `Expected an integer type parameter but found '${t.image}' at line ${t.startLine}, column ${t.startColumn}`, { position: tokenStart(t) });
              }
              return Number(t.image);
            });
            return node(start, namedType(typeName, nums, tokenStart(name)));
          });
        },
      },
    ]);
  });

  r.structField = $.rule('structField', (): StructField => {
    const name = $.s(r.identifier);
    $.opt(() => $.c(T.Colon));
    const t = $.s(r.dataType);
    const notNull = $.opt(() => {
      $.c(NOT);
      $.c(NULL);
      return true;
    }, 1);
    const comment = $.opt(() => {
      $.c(COMMENT);
      return $.s(r.stringValue);
    }, 2);
    return $.act(() => field(name.name, t.type, notNull !== true, comment !== undefined ? { comment } : {}));
  });
}
