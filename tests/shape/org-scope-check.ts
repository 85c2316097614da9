import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import ts from 'typescript';
import * as schema from '../../src/db/schema/index.js';

/** A query on an organisation-owned table whose where() does not mention `<table>.orgId`. */
export interface UnscopedQuery {
  /** `file › function › table`: the allow-list key, stable when lines move. */
  key: string;
  line: number;
  text: string;
}

/** Exported names of the schema's tables that carry an `orgId` column. */
export function orgOwnedTables(): Set<string> {
  const names = new Set<string>();
  for (const [name, value] of Object.entries(schema)) {
    if (is(value, Table) && 'orgId' in getTableColumns(value) && getTableName(value)) names.add(name);
  }
  return names;
}

const QUERY_METHODS = new Set(['from', 'update', 'delete']);

/** Local names bound to schema exports by `import { objectives as o } from '…/db/schema…'`: local → exported. */
function schemaBindings(source: ts.SourceFile): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/\/db\/schema(\/|$)/.test(statement.moduleSpecifier.text)) continue;
    const named = statement.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const element of named.elements) {
      bindings.set(element.name.text, (element.propertyName ?? element.name).text);
    }
  }
  return bindings;
}

/** The `.where(…)` arguments later in the same method chain as `call`. */
function whereClausesOf(call: ts.CallExpression): ts.Expression[] {
  const clauses: ts.Expression[] = [];
  let node: ts.Node = call;
  while (ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent)) {
    const next = node.parent.parent;
    if (node.parent.name.text === 'where') clauses.push(...next.arguments);
    node = next;
  }
  return clauses;
}

type FunctionLike = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;
const isFunctionLike = (node: ts.Node): node is FunctionLike =>
  ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);

/** The outermost function around `node` that has a name (a module-level function, method or const). */
function enclosingFunction(node: ts.Node): { name: string; body: ts.Node } | undefined {
  let found: { name: string; body: ts.Node } | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionLike(current)) continue;
    if ((ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current)) && current.name)
      found = { name: current.name.getText(), body: current };
    else if (ts.isVariableDeclaration(current.parent)) found = { name: current.parent.name.getText(), body: current };
  }
  return found;
}

/** Identifiers standing for values in `node`: not callees, property names, tagged-template tags, `new` targets or schema tables. */
function valueIdentifiers(node: ts.Node, tables: Map<string, string>): string[] {
  const names: string[] = [];
  const visit = (current: ts.Node) => {
    if (ts.isIdentifier(current)) {
      const parent = current.parent;
      const isCallee = (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === current;
      const isPropertyName = ts.isPropertyAccessExpression(parent) && parent.name === current;
      const isTag = ts.isTaggedTemplateExpression(parent) && parent.tag === current;
      if (!isCallee && !isPropertyName && !isTag && !tables.has(current.text) && current.text !== 'undefined') names.push(current.text);
      return;
    }
    ts.forEachChild(current, visit);
  };
  visit(node);
  return names;
}

const MENTIONS_ORG = /\borgId\b|\bscope\b/;

/**
 * Names in `fn` that hold ids or rows loaded in the organisation before `position`: what a call that
 * names the organisation (`requireComment(tx, scope.orgId, id)`, a select filtered by `t.orgId`) was
 * given or returned, and what is computed from those (`const ids = rows.map(…)`).
 */
function scopedNames(fn: ts.Node, position: number, tables: Map<string, string>): Set<string> {
  const scoped = new Set<string>();
  const mentionsScoped = (node: ts.Node) => valueIdentifiers(node, tables).some((name) => scoped.has(name));
  const bind = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) scoped.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: ts.Node) => {
    if (node.getStart() >= position) return;
    if (ts.isParameter(node) && /\bscope\b|\borgId\b/.test(node.name.getText())) bind(node.name);
    if (ts.isCallExpression(node) && node.getEnd() <= position && MENTIONS_ORG.test(node.arguments.map((a) => a.getText()).join(','))) {
      for (const argument of node.arguments) for (const name of valueIdentifiers(argument, tables)) scoped.add(name);
    }
    ts.forEachChild(node, visit);
    if (ts.isVariableDeclaration(node) && node.initializer && node.getEnd() <= position) {
      if (MENTIONS_ORG.test(node.initializer.getText()) || mentionsScoped(node.initializer)) bind(node.name);
    }
  };
  visit(fn);
  return scoped;
}

/** Every `.from(t)`, `.update(t)`, `.delete(t)` on an org-owned table `t` scoped neither by `t.orgId` nor by ids loaded in the organisation. */
export function findUnscopedQueries(fileName: string, text: string, tables = orgOwnedTables()): UnscopedQuery[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const bindings = schemaBindings(source);
  const found: UnscopedQuery[] = [];
  const visit = (node: ts.Node) => {
    const argument = ts.isCallExpression(node) && node.arguments.length === 1 ? node.arguments[0]! : undefined;
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      QUERY_METHODS.has(node.expression.name.text) &&
      argument &&
      ts.isIdentifier(argument) &&
      tables.has(bindings.get(argument.text) ?? '')
    ) {
      const local = argument.text;
      const clauses = whereClausesOf(node);
      const byOrg = clauses.some((clause) => clause.getText(source).includes(`${local}.orgId`));
      const fn = enclosingFunction(node);
      const values = clauses.flatMap((clause) => valueIdentifiers(clause, bindings));
      const scoped = fn ? scopedNames(fn.body, node.getStart(source), bindings) : new Set<string>();
      const byLoadedIds = values.length > 0 && values.every((name) => scoped.has(name));
      if (!byOrg && !byLoadedIds) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ key: `${fileName} › ${fn?.name ?? '(module)'} › ${bindings.get(local)}`, line, text: node.getText(source) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The TypeScript sources under `dir` (tests excluded), with paths relative to `root`. */
export function serverSources(root: string, dir: string): { fileName: string; text: string }[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
    .sort()
    .map((path) => {
      const absolute = join(root, dir, path);
      return { fileName: relative(root, absolute), text: readFileSync(absolute, 'utf8') };
    });
}
