import ts from 'typescript';

/**
 * Sizes the code-shape limits are stated in, read with the TypeScript compiler rather than with
 * regular expressions, so that a brace in a string, a template or a comment cannot shift a count.
 */

interface FunctionSize {
  /** The function's name as written (`name`, `Class.method`, `name › inner`), or `(anonymous)`. */
  name: string;
  /** 1-based line of the function's first token. */
  line: number;
  /** Lines from the first token to the closing brace, both included. */
  lines: number;
}

/** The name a function is known by: its own, the variable or property it is assigned to, else none. */
function nameOf(node: ts.FunctionLikeDeclaration): string | null {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return null;
}

/** Every function with a body in one TypeScript source (declarations, expressions, arrows, methods, accessors). */
export function functionSizes(code: string, fileName = 'file.ts'): FunctionSize[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const found: FunctionSize[] = [];
  const visit = (node: ts.Node, outer: string[]) => {
    let path = outer;
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      path = [...outer, nameOf(fn) ?? '(anonymous)'];
      const first = lineOf(fn.getStart(source));
      found.push({ name: path.join(' › '), line: first, lines: lineOf(fn.getEnd()) - first + 1 });
    } else if (ts.isClassDeclaration(node) && node.name) {
      path = [...outer, node.name.text];
    }
    ts.forEachChild(node, (child) => visit(child, path));
  };
  visit(source, []);
  return found;
}

/**
 * The code of every `<script>` of a Svelte component, at its own lines: the markup and styles are
 * blanked (line breaks kept), so a function's line is the component's.
 */
export function scriptsInPlace(svelte: string): string {
  let out = '';
  let at = 0;
  for (const m of svelte.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
    const codeStart = m.index + m[1].length;
    out += svelte.slice(at, codeStart).replace(/[^\n]/g, ' ') + m[2];
    at = codeStart + m[2].length;
  }
  return out + svelte.slice(at).replace(/[^\n]/g, ' ');
}

/** The code of a Svelte component's instance `<script>` (not `<script module>`), or '' when it has none. */
export function instanceScript(svelte: string): string {
  for (const m of svelte.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/\bmodule\b|context\s*=\s*["']module["']/.test(m[1])) return m[2];
  }
  return '';
}

/** Lines of code: lines holding at least one token that is neither white space nor a comment. */
export function linesOfCode(code: string): number {
  const source = ts.createSourceFile('script.ts', code, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const lines = new Set<number>();
  // The parser's tokens (the leaves of the tree), not a bare scan: only the parser knows whether a
  // `}` closes a block or a template substitution. JSDoc nodes are comments and are skipped.
  const visit = (node: ts.Node) => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(source);
    if (children.length === 0 && node.kind !== ts.SyntaxKind.EndOfFileToken) {
      for (let l = lineOf(node.getStart(source)); l <= lineOf(node.getEnd() - 1); l++) lines.add(l);
    }
    children.forEach(visit);
  };
  visit(source);
  return lines.size;
}
