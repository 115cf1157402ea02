/**
 * Formulas for derived figures, e.g. `bytedance.capex.2026 / 365` or
 * `(a + b) * fx.usd-per-cny`. A small recursive-descent parser builds a tree
 * that is evaluated over known values: no `eval`, no `Function`, no property
 * access — an identifier is only ever looked up in the map it is given.
 *
 * Grammar:
 *   expr   := term (('+' | '-') term)*
 *   term   := factor (('*' | '/') factor)*
 *   factor := unary ('^' factor)?
 *   unary  := '-' unary | atom
 *   atom   := number | call | id | '(' expr ')'
 *   call   := ('min' | 'max' | 'abs') '(' expr (',' expr)* ')'
 *   id     := segment ('.' segment)*   segment := [A-Za-z_][A-Za-z0-9_-]*
 * A hyphen inside a name belongs to the name (`usd-per-cny`): write
 * subtraction with spaces, `a - b`.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'id'; name: string; at: number }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr }
  | { kind: 'call'; fn: 'min' | 'max' | 'abs'; args: Expr[] };

export class FormulaError extends Error {
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.name = 'FormulaError';
    this.column = column;
  }
}

const FUNCTIONS = new Set(['min', 'max', 'abs']);

export function parseFormula(source: string): Expr {
  let pos = 0;
  const ws = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const peek = () => {
    ws();
    return source[pos];
  };
  const fail = (msg: string): never => {
    throw new FormulaError(`${msg} at column ${pos + 1} of "${source}"`, pos + 1);
  };

  function expr(): Expr {
    let left = term();
    for (let c = peek(); c === '+' || c === '-'; c = peek()) {
      pos++;
      left = { kind: 'bin', op: c, left, right: term() };
    }
    return left;
  }
  function term(): Expr {
    let left = factor();
    for (let c = peek(); c === '*' || c === '/'; c = peek()) {
      pos++;
      left = { kind: 'bin', op: c, left, right: factor() };
    }
    return left;
  }
  function factor(): Expr {
    const base = unary();
    if (peek() === '^') {
      pos++;
      return { kind: 'bin', op: '^', left: base, right: factor() };
    }
    return base;
  }
  function unary(): Expr {
    if (peek() === '-') {
      pos++;
      return { kind: 'neg', arg: unary() };
    }
    return atom();
  }
  function atom(): Expr {
    const c = peek();
    if (c === undefined) return fail('Unexpected end of formula');
    if (c === '(') {
      pos++;
      const inner = expr();
      if (peek() !== ')') fail('Expected ")"');
      pos++;
      return inner;
    }
    const num = /^(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?/i.exec(source.slice(pos));
    if (num) {
      pos += num[0].length;
      return { kind: 'num', value: Number(num[0]) };
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_][A-Za-z0-9_-]*)*/.exec(source.slice(pos));
    if (id) {
      const at = pos + 1;
      pos += id[0].length;
      if (FUNCTIONS.has(id[0]) && peek() === '(') {
        pos++;
        const args = [expr()];
        while (peek() === ',') {
          pos++;
          args.push(expr());
        }
        if (peek() !== ')') fail('Expected ")" after function arguments');
        pos++;
        if (id[0] === 'abs' && args.length !== 1) fail('abs() takes one argument');
        return { kind: 'call', fn: id[0] as 'min' | 'max' | 'abs', args };
      }
      if (id[0].endsWith('-')) fail(`A name cannot end with "-" ("${id[0]}"); write subtraction with spaces`);
      return { kind: 'id', name: id[0], at };
    }
    return fail(`Unexpected "${c}"`);
  }

  const tree = expr();
  if (peek() !== undefined) fail(`Unexpected "${peek()}"`);
  return tree;
}

/** Every id a formula refers to. */
export function formulaIds(expr: Expr): string[] {
  switch (expr.kind) {
    case 'num':
      return [];
    case 'id':
      return [expr.name];
    case 'neg':
      return formulaIds(expr.arg);
    case 'bin':
      return [...formulaIds(expr.left), ...formulaIds(expr.right)];
    case 'call':
      return expr.args.flatMap(formulaIds);
  }
}

/** Evaluate over a map of values; unknown ids, division by zero and non-finite results are errors. */
export function evaluateFormula(expr: Expr, values: ReadonlyMap<string, number>): number {
  const result = evalNode(expr, values);
  if (!Number.isFinite(result)) throw new FormulaError('The result is not a finite number', 1);
  return result;
}

function evalNode(e: Expr, values: ReadonlyMap<string, number>): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'id': {
      const v = values.get(e.name);
      if (v === undefined) throw new FormulaError(`Unknown id "${e.name}"`, e.at);
      return v;
    }
    case 'neg':
      return -evalNode(e.arg, values);
    case 'call': {
      const args = e.args.map((a) => evalNode(a, values));
      return e.fn === 'abs' ? Math.abs(args[0]!) : e.fn === 'min' ? Math.min(...args) : Math.max(...args);
    }
    case 'bin': {
      const l = evalNode(e.left, values);
      const r = evalNode(e.right, values);
      if (e.op === '/' && r === 0) throw new FormulaError('Division by zero', 1);
      const v = e.op === '+' ? l + r : e.op === '-' ? l - r : e.op === '*' ? l * r : e.op === '/' ? l / r : l ** r;
      if (!Number.isFinite(v)) throw new FormulaError('The result is not a finite number', 1);
      return v;
    }
  }
}
