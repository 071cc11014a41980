#!/usr/bin/env node
// Lists the catch blocks and promise `.catch` handlers under the given folders (default: src) that
// swallow an error silently: they neither use the error (rethrow, a type or code check, a report
// through src/shared/logger.ts) nor name the expected case in a comment (in the block, or on the
// line of `catch` or the line above it). Prints `file:line` for each, then the count.
// Usage: node scripts/silent-catches.mjs [folder...]   (tests/unit/silent-catches.test.ts wants 0)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const uses = (node, name) => {
  let found = false;
  const visit = (n) => {
    if (ts.isIdentifier(n) && n.text === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
};

export function silentCatches(path) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const commented = (pos) => {
    const line = source.getLineAndCharacterOfPosition(pos).line;
    return /\/\/|\/\*/.test(lines[line] ?? '') || /^\s*(\/\/|\*|\/\*|\{\/\*)/.test(lines[line - 1] ?? '');
  };
  // A call chain may be split over several lines: a comment on any line of its statement up to the
  // handler (or on the line above the statement) names the case.
  const commentedFrom = (from, to) => {
    const first = source.getLineAndCharacterOfPosition(from).line;
    const last = source.getLineAndCharacterOfPosition(to).line;
    for (let line = first; line <= last; line++)
      if (commented(source.getPositionOfLineAndCharacter(line, 0))) return true;
    return false;
  };
  const statementOf = (node) => {
    let n = node;
    while (n.parent && !ts.isStatement(n) && !ts.isSourceFile(n.parent)) n = n.parent;
    // `if (…) call().catch(…)`: the comment above the `if` speaks for its one statement.
    while (n.parent && (ts.isIfStatement(n.parent) || ts.isIterationStatement(n.parent, false))) n = n.parent;
    return n;
  };
  const found = [];
  const report = (node) => found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
  const visit = (node) => {
    if (ts.isCatchClause(node)) {
      const name = node.variableDeclaration?.name;
      const used = name && ts.isIdentifier(name) && uses(node.block, name.text);
      const blockText = text.slice(node.block.getStart(), node.block.getEnd());
      if (!used && !/\/\/|\/\*/.test(blockText) && !commented(node.getStart())) report(node);
    }
    // promise.catch(handler) and promise.then(ok, handler)
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const handler = method === 'catch' ? node.arguments[0] : method === 'then' ? node.arguments[1] : undefined;
      if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
        const param = handler.parameters[0]?.name;
        const used = param && ts.isIdentifier(param) && uses(handler.body, param.text);
        if (!used && !commentedFrom(statementOf(node).getStart(), handler.getStart())) report(handler);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src'];
  const all = roots.flatMap(files).flatMap(silentCatches);
  for (const place of all) console.log(place);
  console.log(`${all.length} silent catch blocks`);
}
