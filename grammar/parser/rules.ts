import type { Rule } from './parser-base.js';
import type { Identifier, ObjectName, Property } from '../ast/node.js';
import type { BinaryOperator, Expr, FrameBound, SortItem, WindowFrame, WindowSpec } from '../ast/expressions.js';
import type { IntervalLiteral } from '../ast/literals.js';
import type { TypeNode } from '../ast/types.js';
import type {
  CommonTableExpression,
  GroupBy,
  GroupingItem,
  LateralView,
  NamedWindow,
  Query,
  QueryBody,
  Relation,
  Select,
  SelectItem,
  TableAlias,
  TimeTravel,
  WithClause,
} from '../ast/queries.js';
import type { Assignment, ColumnDef, Statement, TableConstraint } from '../ast/statements.js';
import type { AlterTableAction } from '../ast/alter-table.js';
import type { MergeClause } from '../ast/delta-statements.js';
import type { StructField } from '../../src/common/types/data-type.js';

/** Builds an AST node from the operand a predicate applies to. */
export type PredicateBuilder = (operand: Expr) => Expr;
export type Suffix = (base: Expr) => Expr;

export interface JoinPart {
  readonly type: 'inner' | 'left' | 'right' | 'full' | 'cross' | 'semi' | 'anti';
  readonly natural: boolean;
  readonly right: Relation;
  readonly on?: Expr;
  readonly using?: readonly Identifier[];
}

/** Every grammar rule, filled in by the rule modules. */
export interface Rules {
  identifier: Rule<Identifier>;
  objectName: Rule<ObjectName>;
  stringValue: Rule<string>;
  identList: Rule<Identifier[]>;
  // expressions
  expression: Rule<Expr>;
  predicated: Rule<Expr>;
  predicateSuffix: Rule<PredicateBuilder>;
  valueExpr: Rule<Expr>;
  binaryOperator: Rule<BinaryOperator>;
  operand: Rule<Expr>;
  primary: Rule<Expr>;
  nameOrCall: Rule<Expr>;
  functionArg: Rule<Expr>;
  parenthesized: Rule<Expr>;
  caseExpr: Rule<Expr>;
  specialCall: Rule<Expr>;
  intervalLiteral: Rule<IntervalLiteral>;
  sortItem: Rule<SortItem>;
  windowSpec: Rule<WindowSpec>;
  windowFrame: Rule<WindowFrame>;
  frameBound: Rule<FrameBound>;
  dataType: Rule<TypeNode>;
  structField: Rule<StructField>;
  // queries
  query: Rule<Query>;
  withClause: Rule<WithClause>;
  cte: Rule<CommonTableExpression>;
  queryTerm: Rule<QueryBody>;
  queryPrimary: Rule<QueryBody>;
  select: Rule<Select>;
  selectItem: Rule<SelectItem>;
  relation: Rule<Relation>;
  joinPart: Rule<JoinPart>;
  relationPrimary: Rule<Relation>;
  tableAlias: Rule<TableAlias>;
  timeTravel: Rule<TimeTravel>;
  lateralView: Rule<LateralView>;
  groupBy: Rule<GroupBy>;
  groupingItem: Rule<GroupingItem>;
  groupingSet: Rule<Expr[]>;
  windowClause: Rule<NamedWindow[]>;
  valuesRows: Rule<Expr[][]>;
  // statements
  statement: Rule<Statement>;
  singleStatement: Rule<Statement>;
  singleExpression: Rule<Expr>;
  singleDataType: Rule<TypeNode>;
  createStatement: Rule<Statement>;
  columnDef: Rule<ColumnDef>;
  tableElement: Rule<ColumnDef | TableConstraint>;
  properties: Rule<Property[]>;
  property: Rule<Property>;
  propertyValue: Rule<string>;
  dropStatement: Rule<Statement>;
  insertStatement: Rule<Statement>;
  updateStatement: Rule<Statement>;
  deleteStatement: Rule<Statement>;
  assignment: Rule<Assignment>;
  columnPath: Rule<Expr>;
  mergeStatement: Rule<Statement>;
  mergeClause: Rule<MergeClause>;
  tableTarget: Rule<ObjectName>;
  deltaStatement: Rule<Statement>;
  describeStatement: Rule<Statement>;
  showStatement: Rule<Statement>;
  alterStatement: Rule<Statement>;
  alterAction: Rule<AlterTableAction>;
  miscStatement: Rule<Statement>;
}
