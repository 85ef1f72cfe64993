/**
 * The small expression language of show-if conditions, computed fields and cross-field rules.
 * It is parsed and evaluated here, never handed to `eval`: only literals, field references,
 * operators and the functions listed in FUNCTIONS exist.
 *
 * Grammar: or := and (('||' | 'or') and)* ; and := not (('&&' | 'and') not)* ;
 * not := ('!' | 'not') not | cmp ; cmp := add (('==' | '!=' | '<' | '<=' | '>' | '>=') add)? ;
 * add := mul (('+' | '-') mul)* ; mul := unary (('*' | '/' | '%') unary)* ; unary := '-' unary | primary ;
 * primary := number | string | true | false | null | name | name '.' name | name '(' args ')' | '(' or ')'
 */

export type Value = number | string | boolean | null | Value[];

export type Expr =
  | { type: 'literal'; value: number | string | boolean | null; at: number }
  | { type: 'ref'; name: string; column: string | null; at: number }
  | { type: 'call'; name: string; args: Expr[]; at: number }
  | { type: 'unary'; op: '-' | '!'; arg: Expr; at: number }
  | { type: 'binary'; op: string; left: Expr; right: Expr; at: number };

/** A syntax or reference error with its character position, in both languages. */
export class ExpressionError extends Error {
  constructor(
    readonly position: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${en} (at ${position})`);
  }
}

interface Token {
  kind: 'num' | 'str' | 'name' | 'op' | 'end';
  text: string;
  at: number;
}

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '!', '(', ')', ',', '.'];
const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d+)?)/.exec(src.slice(i));
    if (num) {
      tokens.push({ kind: 'num', text: num[1] as string, at: i });
      i += (num[1] as string).length;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionError(i, '字符串缺少结束引号', 'unterminated string');
      tokens.push({ kind: 'str', text: src.slice(i + 1, close), at: i });
      i = close + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(i, `无法识别的字符「${c}」`, `unexpected character '${c}'`);
    tokens.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', at: src.length });
  return tokens;
}

const WORD_OPS: Record<string, string> = { and: '&&', or: '||', not: '!' };

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw new ExpressionError(t.at, `多余的内容「${t.text}」`, `unexpected '${t.text}'`);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  /** The operator at the cursor, with `and`/`or`/`not` read as their symbols. */
  private opAt(): string | null {
    const t = this.peek();
    if (t.kind === 'op') return t.text;
    if (t.kind === 'name' && t.text in WORD_OPS) return WORD_OPS[t.text] as string;
    return null;
  }

  private binary(ops: string[], next: () => Expr, once = false): Expr {
    let left = next();
    let op = this.opAt();
    while (op !== null && ops.includes(op)) {
      const at = this.peek().at;
      this.pos++;
      left = { type: 'binary', op, left, right: next(), at };
      if (once) break;
      op = this.opAt();
    }
    return left;
  }

  private or = (): Expr => this.binary(['||'], this.and);
  private and = (): Expr => this.binary(['&&'], this.not);
  private cmp = (): Expr => this.binary(['==', '!=', '<', '<=', '>', '>='], this.add, true);
  private add = (): Expr => this.binary(['+', '-'], this.mul);
  private mul = (): Expr => this.binary(['*', '/', '%'], this.unary);

  private not = (): Expr => {
    if (this.opAt() === '!')
      return this.nested(() => ({ type: 'unary', op: '!', at: this.tokens[this.pos++]!.at, arg: this.not() }));
    return this.cmp();
  };

  private unary = (): Expr => {
    if (this.opAt() === '-')
      return this.nested(() => ({ type: 'unary', op: '-', at: this.tokens[this.pos++]!.at, arg: this.unary() }));
    return this.primary();
  };

  private nested(build: () => Expr): Expr {
    if (++this.depth > MAX_DEPTH)
      throw new ExpressionError(this.peek().at, '表达式嵌套过深', 'expression nested too deeply');
    try {
      return build();
    } finally {
      this.depth--;
    }
  }

  private expectOp(text: string): void {
    const t = this.peek();
    if (t.kind !== 'op' || t.text !== text) {
      throw new ExpressionError(t.at, `此处应为「${text}」`, `expected '${text}'`);
    }
    this.pos++;
  }

  private primary(): Expr {
    const t = this.peek();
    this.pos++;
    if (t.kind === 'num') return { type: 'literal', value: Number(t.text), at: t.at };
    if (t.kind === 'str') return { type: 'literal', value: t.text, at: t.at };
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.nested(() => this.or());
      this.expectOp(')');
      return inner;
    }
    if (t.kind === 'name') {
      if (t.text === 'true' || t.text === 'false') return { type: 'literal', value: t.text === 'true', at: t.at };
      if (t.text === 'null') return { type: 'literal', value: null, at: t.at };
      return this.nameTail(t);
    }
    const shown = t.kind === 'end' ? '结尾' : `「${t.text}」`;
    throw new ExpressionError(
      t.at,
      `此处不应出现${shown}`,
      t.kind === 'end' ? 'unexpected end' : `unexpected '${t.text}'`,
    );
  }

  private nameTail(t: Token): Expr {
    const next = this.peek();
    if (next.kind === 'op' && next.text === '(') {
      this.pos++;
      const args: Expr[] = [];
      if (!(this.peek().kind === 'op' && this.peek().text === ')')) {
        args.push(this.nested(() => this.or()));
        while (this.peek().kind === 'op' && this.peek().text === ',') {
          this.pos++;
          args.push(this.nested(() => this.or()));
        }
      }
      this.expectOp(')');
      return { type: 'call', name: t.text, args, at: t.at };
    }
    if (next.kind === 'op' && next.text === '.') {
      this.pos++;
      const column = this.peek();
      if (column.kind !== 'name')
        throw new ExpressionError(column.at, '「.」之后应为列名', "expected a column name after '.'");
      this.pos++;
      return { type: 'ref', name: t.text, column: column.text, at: t.at };
    }
    return { type: 'ref', name: t.text, column: null, at: t.at };
  }
}

/** Parses an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(src: string): Expr {
  if (src.length > MAX_LENGTH) throw new ExpressionError(MAX_LENGTH, '表达式过长', 'expression too long');
  return new Parser(tokenize(src)).parse();
}

function numbers(values: Value[]): number[] {
  return values.flat(2).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

type Fn = { arity: [number, number]; apply: (args: Value[]) => Value };

/** Built-in functions; blanks (null) are skipped by aggregates and propagate through arithmetic. */
const FUNCTIONS: Record<string, Fn> = {
  sum: { arity: [1, 99], apply: (a) => numbers(a).reduce((s, n) => s + n, 0) },
  min: { arity: [1, 99], apply: (a) => (numbers(a).length ? Math.min(...numbers(a)) : null) },
  max: { arity: [1, 99], apply: (a) => (numbers(a).length ? Math.max(...numbers(a)) : null) },
  avg: {
    arity: [1, 99],
    apply: (a) => (numbers(a).length ? numbers(a).reduce((s, n) => s + n, 0) / numbers(a).length : null),
  },
  count: { arity: [1, 1], apply: ([v]) => (Array.isArray(v) ? v.length : v === null ? 0 : 1) },
  abs: { arity: [1, 1], apply: ([v]) => (typeof v === 'number' ? Math.abs(v) : null) },
  round: {
    arity: [1, 2],
    apply: ([v, d]) => {
      if (typeof v !== 'number') return null;
      const f = 10 ** (typeof d === 'number' ? Math.max(0, Math.min(10, Math.trunc(d))) : 0);
      return Math.round(v * f) / f;
    },
  },
  if: { arity: [3, 3], apply: ([c, a, b]) => (truthy(c ?? null) ? (a ?? null) : (b ?? null)) },
  filled: { arity: [1, 1], apply: ([v]) => !isBlank(v ?? null) },
  blank: { arity: [1, 1], apply: ([v]) => isBlank(v ?? null) },
  contains: { arity: [2, 2], apply: ([list, v]) => (Array.isArray(list) ? list.includes(v ?? null) : list === v) },
  len: { arity: [1, 1], apply: ([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : 0) },
};

export const EXPRESSION_FUNCTIONS = Object.keys(FUNCTIONS);

function isBlank(v: Value): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function truthy(v: Value): boolean {
  return !isBlank(v) && v !== false && v !== 0;
}

/** The names (and table columns) an expression refers to, for checking and dependency order. */
export function referencesOf(expr: Expr): Array<{ name: string; column: string | null; at: number }> {
  switch (expr.type) {
    case 'literal':
      return [];
    case 'ref':
      return [{ name: expr.name, column: expr.column, at: expr.at }];
    case 'call':
      return expr.args.flatMap(referencesOf);
    case 'unary':
      return referencesOf(expr.arg);
    case 'binary':
      return [...referencesOf(expr.left), ...referencesOf(expr.right)];
  }
}

/**
 * Checks an expression against the names it may use; returns the problems (empty when fine).
 * `columns` maps a repeat-table id to its column ids.
 */
export function checkExpression(
  src: string,
  names: ReadonlySet<string>,
  columns: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): ExpressionError[] {
  let expr: Expr;
  try {
    expr = parseExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) return [e];
    throw e;
  }
  const problems: ExpressionError[] = [];
  const visit = (e: Expr): void => {
    if (e.type === 'call') {
      const fn = FUNCTIONS[e.name];
      if (!fn) problems.push(new ExpressionError(e.at, `未知函数「${e.name}」`, `unknown function '${e.name}'`));
      else if (e.args.length < fn.arity[0] || e.args.length > fn.arity[1]) {
        problems.push(
          new ExpressionError(e.at, `函数「${e.name}」的参数个数不对`, `wrong number of arguments to '${e.name}'`),
        );
      }
      e.args.forEach(visit);
    } else if (e.type === 'unary') visit(e.arg);
    else if (e.type === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(expr);
  for (const ref of referencesOf(expr)) {
    if (!names.has(ref.name)) {
      problems.push(new ExpressionError(ref.at, `未知字段「${ref.name}」`, `unknown field '${ref.name}'`));
    } else if (ref.column !== null && !columns.get(ref.name)?.has(ref.column)) {
      problems.push(
        new ExpressionError(
          ref.at,
          `「${ref.name}」没有列「${ref.column}」`,
          `'${ref.name}' has no column '${ref.column}'`,
        ),
      );
    }
  }
  return problems;
}

/** Scope of an evaluation: a field's value, or a table's rows for `table.column`. */
export type Scope = (name: string) => Value | Record<string, Value>[] | undefined;

function arithmetic(op: string, a: number, b: number): Value {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    default:
      return b === 0 ? null : a % b;
  }
}

/** `==` and `!=` compare anything (so `x == null` tests a blank); an order with a blank is unknown (null). */
function compare(op: string, a: Value, b: Value): Value {
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (a === null || b === null) return null;
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const [x, y] = [a as number | string, b as number | string];
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

/** Three-valued and/or: a blank (null) operand leaves the result unknown unless the other decides it. */
function logic(op: '&&' | '||', a: Value, b: Value): Value {
  const decisive = op === '&&' ? false : true;
  if ((a !== null && truthy(a) === decisive) || (b !== null && truthy(b) === decisive)) return decisive;
  if (a === null || b === null) return null;
  return !decisive;
}

/** Evaluates a parsed expression. Division by zero and arithmetic on blanks give null. */
export function evaluate(expr: Expr, scope: Scope): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'ref': {
      const v = scope(expr.name);
      // Whatever a scope hands back that is not data (a function, a plain object) reads as blank.
      if (v === undefined || typeof v === 'function' || (typeof v === 'object' && v !== null && !Array.isArray(v)))
        return null;
      if (expr.column === null) return v as Value;
      const column = expr.column;
      return Array.isArray(v) ? (v as Record<string, Value>[]).map((row) => row?.[column] ?? null) : null;
    }
    case 'call': {
      const fn = FUNCTIONS[expr.name];
      if (!fn) throw new ExpressionError(expr.at, `未知函数「${expr.name}」`, `unknown function '${expr.name}'`);
      return fn.apply(expr.args.map((a) => evaluate(a, scope)));
    }
    case 'unary': {
      const v = evaluate(expr.arg, scope);
      if (expr.op === '!') return v === null ? null : !truthy(v);
      return typeof v === 'number' ? -v : null;
    }
    case 'binary': {
      if (expr.op === '&&' || expr.op === '||')
        return logic(expr.op, evaluate(expr.left, scope), evaluate(expr.right, scope));
      const a = evaluate(expr.left, scope);
      const b = evaluate(expr.right, scope);
      if (['+', '-', '*', '/', '%'].includes(expr.op)) {
        return typeof a === 'number' && typeof b === 'number' ? arithmetic(expr.op, a, b) : null;
      }
      return compare(expr.op, a, b);
    }
  }
}
