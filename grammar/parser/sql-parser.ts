import { ParserBase } from './parser-base.js';
import type { Rules } from './rules.js';
import { defineExprRules } from './expr-rules.js';
import { defineCallRules } from './call-rules.js';
import { defineTypeRules } from './type-rules.js';
import { defineQueryRules } from './query-rules.js';
import { defineStatementRules } from './statement-rules.js';
import { defineDdlRules } from './ddl-rules.js';
import { defineDeltaRules } from './delta-rules.js';

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
    defineTypeRules(this, r, () => this.text);
    defineQueryRules(this, r);
    defineStatementRules(this, r);
    defineDdlRules(this, r);
    defineDeltaRules(this, r);
    this.finish();
  }
}

let instance: SqlParser | undefined;

export function getParser(): SqlParser {
  instance ??= new SqlParser();
  return instance;
}
