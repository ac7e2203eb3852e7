import { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { defineExprRules } from './expr-rules.js';
import { defineCallRules } from './call-rules.js';
import { defineTypeRules } from './type-rules.js';
import { defineQueryRules } from './query-rules.js';
import { defineStatementRules } from './statement-rules.js';
import { defineDdlRules } from './ddl-rules.js';
import { defineDeltaRules } from './delta-rules.js';
import { defineColumnRules } from './column-rules.js';
import { defineAlterRules } from './alter-rules.js';
import { defineGroupRules } from './group-rules.js';
import { defineRelationRules } from './relation-rules.js';
import { definePredicateRules } from './predicate-rules.js';
import { definePrimaryRules } from './primary-rules.js';
import { defineWindowRules } from './window-rules.js';

/** The one Spark SQL parser: built once (grammar recording happens here), reused for every parse. */
export class SqlParser extends ParserBase {
  readonly r: Rules;
  /** The text being parsed (type nodes keep their original spelling). */
  text = '';

  constructor() {
    super();
    const r = {} as Rules;
    this.r = r;
    defineCallRules(this, r);
    defineExprRules(this, r);
    definePredicateRules(this, r);
    definePrimaryRules(this, r);
    defineWindowRules(this, r);
    defineTypeRules(this, r, () => this.text);
    defineQueryRules(this, r);
    defineRelationRules(this, r);
    defineGroupRules(this, r);
    defineStatementRules(this, r);
    defineColumnRules(this, r);
    defineDdlRules(this, r);
    defineAlterRules(this, r);
    defineDeltaRules(this, r);
    this.finish();
  }
}

let instance: SqlParser | undefined;

export function getParser(): SqlParser {
  instance ??= new SqlParser();
  return instance;
}
