// GoogleSQL for the modeled BigQuery: every statement is checked by node-sql-parser (BigQuery dialect).
// node-sql-parser 5.4 has no MERGE in any dialect, so a MERGE is split at its top-level keywords
// (USING, ON, WHEN … THEN) and each part is given to the parser inside a statement it knows: the
// tables as `SELECT * FROM <t> AS <alias>`, conditions as a WHERE, UPDATE SET as an UPDATE, the
// INSERT as an INSERT. Executed subset (runtime/README.md, "BigQuery"): MERGE by key with
// WHEN MATCHED [AND cond] THEN UPDATE SET … and WHEN NOT MATCHED [BY TARGET] THEN INSERT (…) VALUES (…);
// SELECT COUNT(*) | columns FROM one table [WHERE cond]. Expressions: column references, literals,
// = != <> < > <= >= AND OR NOT, IS [NOT] NULL, [NOT] IN (list of expressions).
import type { Parser } from 'node-sql-parser';

// Loaded on first use: the runtime (and every test on it) starts in a node_modules copied from
// before the package was added; only a BigQuery query needs it.
let parser: Parser | null = null;
function sqlParser(): Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (parser ??= new (require('node-sql-parser') as typeof import('node-sql-parser')).Parser());
}
const OPT = { database: 'bigquery' } as const;

export class SqlError extends Error {}

type Ast = Record<string, unknown>;

function astify(sql: string): Ast {
  try {
    const ast = sqlParser().astify(sql, OPT) as unknown;
    return (Array.isArray(ast) ? ast[0] : ast) as Ast;
  } catch (e) {
    throw new SqlError(`Syntax error: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Splits at top-level occurrences of the keywords (outside quotes, backquotes and parentheses). */
function topLevelTokens(sql: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /[A-Za-z_]/.test(c) && (i === 0 || !/[\w.`]/.test(sql[i - 1]))) {
      const m = /^[A-Za-z_]\w*/.exec(sql.slice(i));
      if (m) {
        out.push({ word: m[0].toUpperCase(), at: i });
        i += m[0].length - 1;
      }
    }
  }
  return out;
}

export interface TableRef {
  /** `project.dataset.table` as written (backquotes removed). */
  name: string;
  alias: string;
}

function tableRef(text: string): TableRef {
  const ast = astify(`SELECT * FROM ${text.trim()}`);
  const from = (ast.from as Ast[] | null)?.[0];
  if (!from || typeof from.table !== 'string') throw new SqlError(`Syntax error: bad table ${text}`);
  const name = [from.db, from.table].filter(Boolean).join('.');
  return { name, alias: String(from.as ?? from.table) };
}

function condition(text: string): Ast {
  const ast = astify(`SELECT 1 FROM x WHERE ${text}`);
  return ast.where as Ast;
}

export interface MergeStatement {
  kind: 'merge';
  target: TableRef;
  source: TableRef;
  on: Ast;
  matched: { when: Ast | null; set: { column: string; value: Ast }[] } | null;
  notMatched: { columns: string[]; values: Ast[] } | null;
}

export interface SelectStatement {
  kind: 'select';
  table: TableRef;
  count: string | null;
  columns: string[];
  where: Ast | null;
}

export type Statement = MergeStatement | SelectStatement;

function parseMerge(sql: string): MergeStatement {
  const tokens = topLevelTokens(sql);
  const find = (word: string, from = 0) => tokens.findIndex((t, i) => i >= from && t.word === word);
  const using = find('USING');
  const on = find('ON', using);
  if (using < 0 || on < 0) throw new SqlError('Syntax error: MERGE needs USING … ON …');
  const afterMerge = tokens[1]?.word === 'INTO' ? tokens[1].at + 4 : tokens[0].at + 5;
  const target = tableRef(sql.slice(afterMerge, tokens[using].at));
  const source = tableRef(sql.slice(tokens[using].at + 5, tokens[on].at));
  const whens = tokens.map((t, i) => (t.word === 'WHEN' && i > on ? i : -1)).filter((i) => i >= 0);
  if (!whens.length) throw new SqlError('Syntax error: MERGE needs a WHEN clause');
  const onCond = condition(sql.slice(tokens[on].at + 2, tokens[whens[0]].at));
  const stmt: MergeStatement = { kind: 'merge', target, source, on: onCond, matched: null, notMatched: null };
  whens.forEach((w, n) => {
    const end = n + 1 < whens.length ? tokens[whens[n + 1]].at : sql.length;
    const clause = sql.slice(tokens[w].at, end).trim().replace(/;\s*$/, '');
    const m =
      /^WHEN\s+(NOT\s+MATCHED(?:\s+BY\s+(TARGET|SOURCE))?|MATCHED)\s*(?:AND\s+([\s\S]*?))?\s+THEN\s+([\s\S]*)$/i.exec(
        clause,
      );
    if (!m) throw new SqlError(`Syntax error: ${clause.slice(0, 60)}`);
    const notMatched = /^NOT/i.test(m[1]);
    if (m[2] && m[2].toUpperCase() === 'SOURCE')
      throw new SqlError('Unsupported by the runtime model: WHEN NOT MATCHED BY SOURCE');
    const action = m[4].trim();
    if (!notMatched) {
      if (stmt.matched) throw new SqlError('Unsupported by the runtime model: more than one WHEN MATCHED');
      const up = /^UPDATE\s+SET\s+([\s\S]+)$/i.exec(action);
      if (!up)
        throw new SqlError(`Unsupported by the runtime model: WHEN MATCHED THEN ${action.slice(0, 20)}`);
      const ast = astify(`UPDATE x SET ${up[1]}`);
      const set = (ast.set as Ast[]).map((s) => ({ column: String(s.column), value: s.value as Ast }));
      stmt.matched = { when: m[3] ? condition(m[3]) : null, set };
    } else {
      if (m[3]) throw new SqlError('Unsupported by the runtime model: WHEN NOT MATCHED AND …');
      const ins = /^INSERT\s*(\([\s\S]*?\))\s*VALUES\s*(\([\s\S]*\))$/i.exec(action);
      if (!ins)
        throw new SqlError(`Unsupported by the runtime model: WHEN NOT MATCHED THEN ${action.slice(0, 20)}`);
      const ast = astify(`INSERT INTO x ${ins[1]} VALUES ${ins[2]}`);
      const values = ((ast.values as Ast).values as Ast[])[0].value as Ast[];
      const columns = (ast.columns as string[]).map(String);
      if (columns.length !== values.length)
        throw new SqlError(
          'Inserted row has wrong column count; Has ' + values.length + ', expected ' + columns.length,
        );
      stmt.notMatched = { columns, values };
    }
  });
  return stmt;
}

function parseSelect(sql: string): SelectStatement {
  const ast = astify(sql);
  if (ast.type !== 'select') throw new SqlError(`Unsupported by the runtime model: ${String(ast.type)}`);
  const from = ast.from as Ast[] | null;
  if (!from || from.length !== 1 || ast.groupby || ast.with)
    throw new SqlError('Unsupported by the runtime model: SELECT beyond one table without GROUP BY');
  const f = from[0];
  const table = { name: [f.db, f.table].filter(Boolean).join('.'), alias: String(f.as ?? f.table) };
  let count: string | null = null;
  const columns: string[] = [];
  for (const c of ast.columns as Ast[]) {
    const e = c.expr as Ast;
    if (e.type === 'aggr_func' && String(e.name).toUpperCase() === 'COUNT') count = String(c.as ?? 'f0_');
    else if (e.type === 'column_ref') columns.push(String(e.column));
    else throw new SqlError('Unsupported by the runtime model: select expression ' + String(e.type));
  }
  return { kind: 'select', table, count, columns, where: (ast.where as Ast) ?? null };
}

/** Parses one statement; throws SqlError with BigQuery-like wording. */
export function parseStatement(sql: string): Statement {
  const text = sql.trim().replace(/;\s*$/, '');
  const first = topLevelTokens(text)[0]?.word;
  if (first === 'MERGE') return parseMerge(text);
  if (first === 'SELECT') return parseSelect(text);
  // Anything else must still be valid SQL to the parser; the model just does not run it.
  astify(text);
  throw new SqlError(`Unsupported by the runtime model: ${first ?? 'empty'} statement`);
}

export type Row = Record<string, unknown>;
export type Scope = Record<string, Row | null>;

function comparable(v: unknown): unknown {
  return typeof v === 'number' || typeof v === 'boolean'
    ? v
    : v === null || v === undefined
      ? null
      : String(v);
}

/** Evaluates a parsed expression over rows named by alias (three-valued logic: null is unknown). */
export function evaluate(expr: Ast, scope: Scope): unknown {
  switch (expr.type) {
    case 'column_ref': {
      const alias = expr.table as string | null;
      if (!alias)
        throw new SqlError(`Unrecognized name: ${String(expr.column)} (qualify it with a table alias)`);
      if (!(alias in scope)) throw new SqlError(`Unrecognized name: ${alias}`);
      const row = scope[alias];
      if (!row) return null;
      const col = String(expr.column);
      if (!(col in row)) throw new SqlError(`Name ${col} not found inside ${alias}`);
      return row[col] ?? null;
    }
    case 'number':
      return Number(expr.value);
    case 'single_quote_string':
    case 'double_quote_string':
    case 'string':
      return String(expr.value);
    case 'bool':
      return Boolean(expr.value);
    case 'null':
      return null;
    case 'unary_expr': {
      if (String(expr.operator).toUpperCase() !== 'NOT') throw new SqlError('Unsupported operator');
      const v = evaluate(expr.expr as Ast, scope);
      return v === null ? null : !v;
    }
    case 'binary_expr': {
      const op = String(expr.operator).toUpperCase();
      const left = () => evaluate(expr.left as Ast, scope);
      const right = () => evaluate(expr.right as Ast, scope);
      if (op === 'AND') {
        const a = left();
        if (a === false) return false;
        const b = right();
        return b === false ? false : a === null || b === null ? null : true;
      }
      if (op === 'OR') {
        const a = left();
        if (a === true) return true;
        const b = right();
        return b === true ? true : a === null || b === null ? null : false;
      }
      if (op === 'IN' || op === 'NOT IN') {
        // GoogleSQL: NULL IN (…) is NULL; no match with a NULL in the list is NULL too.
        const list = expr.right as Ast;
        if (list.type !== 'expr_list') throw new SqlError('Unsupported by the runtime model: IN (subquery)');
        const v = comparable(left());
        if (v === null) return null;
        const items = (list.value as Ast[]).map((e) => comparable(evaluate(e, scope)));
        const hit = items.some((x) => x === v);
        const unknown = !hit && items.some((x) => x === null);
        if (unknown) return null;
        return op === 'IN' ? hit : !hit;
      }
      if (op === 'IS' || op === 'IS NOT') {
        const v = left();
        const isNull = v === null;
        return op === 'IS' ? isNull : !isNull;
      }
      const a = comparable(left());
      const b = comparable(right());
      if (a === null || b === null) return null;
      switch (op) {
        case '=':
          return a === b;
        case '!=':
        case '<>':
          return a !== b;
        case '<':
          return (a as number) < (b as number);
        case '>':
          return (a as number) > (b as number);
        case '<=':
          return (a as number) <= (b as number);
        case '>=':
          return (a as number) >= (b as number);
        default:
          throw new SqlError(`Unsupported by the runtime model: operator ${op}`);
      }
    }
    default:
      throw new SqlError(`Unsupported by the runtime model: expression ${String(expr.type)}`);
  }
}

/** The key columns of an ON condition made of `T.a = S.a AND …` equalities. */
export function mergeKeys(stmt: MergeStatement): { target: string; source: string }[] {
  const keys: { target: string; source: string }[] = [];
  const walk = (e: Ast) => {
    const op = String(e.operator ?? '').toUpperCase();
    if (e.type === 'binary_expr' && op === 'AND') {
      walk(e.left as Ast);
      walk(e.right as Ast);
      return;
    }
    const l = e.left as Ast | undefined;
    const r = e.right as Ast | undefined;
    if (e.type !== 'binary_expr' || op !== '=' || l?.type !== 'column_ref' || r?.type !== 'column_ref')
      throw new SqlError('Unsupported by the runtime model: ON must be equalities of columns joined by AND');
    const [t, s] = l.table === stmt.target.alias ? [l, r] : [r, l];
    if (t.table !== stmt.target.alias || s.table !== stmt.source.alias)
      throw new SqlError('Unsupported by the runtime model: ON must compare target and source columns');
    keys.push({ target: String(t.column), source: String(s.column) });
  };
  walk(stmt.on);
  return keys;
}
