/**
 * Every regular expression in src/: each regex literal and each `new RegExp(…)` / `RegExp(…)`,
 * found by parsing the TypeScript (swc's parser, the one jest already uses), with the pattern
 * resolved statically where the arguments are built from string/regex constants (module-level
 * `const`s, also across `import { X } from './y.js'`). A site whose pattern cannot be resolved, or
 * which a checker cannot prove linear, may carry a justification read from the comment lines
 * directly above it: `// redos-safe: <why>`.
 */
import { parseSync } from '@swc/core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface RegexSite {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line of the literal or constructor call. */
  line: number;
  /** The pattern and flags, when known statically. */
  source?: string;
  flags?: string;
  /** Why the pattern cannot be resolved statically. */
  unresolved?: string;
  /** The text after `redos-safe:` in the comment above the site, if any. */
  justification?: string;
}

interface Node {
  type: string;
  span?: { start: number; end: number };
  [key: string]: unknown;
}

type Value = string | { regex: true; source: string; flags: string } | string[];

class Unresolved extends Error {}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface ParsedFile {
  path: string;
  text: string;
  bytes: Buffer;
  ast: Node;
  /** Module-level `const NAME = init`. */
  consts: Map<string, Node>;
  /** `import { local as … } from 'spec'`: local name → [absolute file, exported name]. */
  imports: Map<string, [string, string]>;
}

export class RegexCollector {
  private readonly files = new Map<string, ParsedFile>();

  constructor(private readonly root: string) {}

  private parse(path: string): ParsedFile {
    const cached = this.files.get(path);
    if (cached) return cached;
    const text = readFileSync(path, 'utf8');
    const ast = parseSync(text, { syntax: 'typescript', target: 'es2022' }) as unknown as Node;
    const consts = new Map<string, Node>();
    const imports = new Map<string, [string, string]>();
    for (const item of ast.body as Node[]) {
      const decl = item.type === 'ExportDeclaration' ? (item.declaration as Node) : item;
      if (decl.type === 'VariableDeclaration' && decl.kind === 'const') {
        for (const d of decl.declarations as Node[]) {
          const id = d.id as Node;
          if (id.type === 'Identifier' && d.init) consts.set(id.value as string, d.init as Node);
        }
      }
      if (item.type === 'ImportDeclaration' && !item.typeOnly) {
        const spec = (item.source as Node).value as string;
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(path), spec.replace(/\.js$/, '.ts'));
        for (const s of item.specifiers as Node[]) {
          if (s.type !== 'ImportSpecifier') continue;
          const local = (s.local as Node).value as string;
          const imported = s.imported ? ((s.imported as Node).value as string) : local;
          imports.set(local, [target, imported]);
        }
      }
    }
    const file = { path, text, bytes: Buffer.from(text, 'utf8'), ast, consts, imports };
    this.files.set(path, file);
    return file;
  }

  /** swc spans are 1-based UTF-8 byte offsets. */
  private lineOf(file: ParsedFile, span: { start: number }): number {
    const before = file.bytes.subarray(0, span.start - 1).toString('utf8');
    return before.split('\n').length;
  }

  private justification(file: ParsedFile, line: number): string | undefined {
    const lines = file.text.split('\n');
    for (let i = line - 2; i >= 0; i--) {
      const t = lines[i].trim();
      if (!t.startsWith('//') && !t.startsWith('*') && !t.startsWith('/*')) break;
      const m = /redos-safe:\s*(\S.*)$/.exec(t);
      if (m) return m[1].replace(/\s*\*\/$/, '');
    }
    return undefined;
  }

  private identifier(file: ParsedFile, name: string, depth: number): Value {
    const init = file.consts.get(name);
    if (init) return this.evaluate(file, init, depth + 1);
    const imported = file.imports.get(name);
    if (imported) {
      const other = this.parse(imported[0]);
      if (!other.consts.has(imported[1])) throw new Unresolved(`${imported[1]} is not a constant of ${relative(this.root, imported[0])}`);
      return this.identifier(other, imported[1], depth + 1);
    }
    throw new Unresolved(`\`${name}\` is not a module-level constant`);
  }

  private evaluate(file: ParsedFile, node: Node, depth = 0): Value {
    if (depth > 50) throw new Unresolved('constant chain too deep');
    switch (node.type) {
      case 'StringLiteral':
        return node.value as string;
      case 'RegExpLiteral':
        return { regex: true, source: node.pattern as string, flags: node.flags as string };
      case 'ParenthesisExpression':
      case 'TsAsExpression':
      case 'TsConstAssertion':
      case 'TsSatisfiesExpression':
        return this.evaluate(file, node.expression as Node, depth);
      case 'Identifier':
        return this.identifier(file, node.value as string, depth);
      case 'TemplateLiteral': {
        const quasis = node.quasis as Node[];
        const exprs = node.expressions as Node[];
        let out = '';
        quasis.forEach((q, i) => {
          out += (q.cooked ?? q.raw) as string;
          if (i < exprs.length) out += this.asString(this.evaluate(file, exprs[i], depth));
        });
        return out;
      }
      case 'BinExpr':
      case 'BinaryExpression':
        if (node.op === '+')
          return this.asString(this.evaluate(file, node.left as Node, depth)) + this.asString(this.evaluate(file, node.right as Node, depth));
        break;
      case 'ArrayExpression':
        return (node.elements as ({ expression: Node; spread?: unknown } | null)[]).map((e) => {
          if (!e || e.spread) throw new Unresolved('array with holes or spreads');
          return this.asString(this.evaluate(file, e.expression, depth));
        });
      case 'MemberExpression': {
        const prop = node.property as Node;
        if (prop.type === 'Identifier' && prop.value === 'source') {
          const v = this.evaluate(file, node.object as Node, depth);
          if (typeof v === 'object' && !Array.isArray(v)) return v.source;
        }
        break;
      }
      case 'CallExpression': {
        const callee = node.callee as Node;
        const args = node.arguments as { expression: Node }[];
        if (callee.type === 'MemberExpression' && (callee.property as Node).value === 'join') {
          const list = this.evaluate(file, callee.object as Node, depth);
          const sep = args.length ? this.asString(this.evaluate(file, args[0].expression, depth)) : ',';
          if (Array.isArray(list)) return list.join(sep);
        }
        break;
      }
    }
    throw new Unresolved(`cannot evaluate a ${node.type} statically`);
  }

  private asString(v: Value): string {
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return v.join(',');
    throw new Unresolved('a regex used as a string');
  }

  /** Every regex site under `dir` (relative to the root). */
  collect(dir: string): RegexSite[] {
    const sites: RegexSite[] = [];
    for (const path of filesUnder(join(this.root, dir))) {
      const file = this.parse(path);
      const rel = relative(this.root, path);
      const visit = (n: unknown): void => {
        if (Array.isArray(n)) {
          for (const c of n) visit(c);
          return;
        }
        if (!isNode(n) && (typeof n !== 'object' || n === null)) return;
        const node = n as Node;
        if (node.type === 'RegExpLiteral') {
          const line = this.lineOf(file, node.span!);
          sites.push({ file: rel, line, source: node.pattern as string, flags: node.flags as string, justification: this.justification(file, line) });
        } else if (
          (node.type === 'NewExpression' || node.type === 'CallExpression') &&
          isNode(node.callee) &&
          node.callee.type === 'Identifier' &&
          node.callee.value === 'RegExp'
        ) {
          const line = this.lineOf(file, node.span!);
          const args = (node.arguments ?? []) as { expression: Node }[];
          const site: RegexSite = { file: rel, line, justification: this.justification(file, line) };
          try {
            if (!args.length) throw new Unresolved('no arguments');
            const pattern = this.evaluate(file, args[0].expression);
            if (typeof pattern === 'object' && !Array.isArray(pattern)) {
              site.source = pattern.source;
              site.flags = args[1] ? this.asString(this.evaluate(file, args[1].expression)) : pattern.flags;
            } else {
              site.source = this.asString(pattern);
              site.flags = args[1] ? this.asString(this.evaluate(file, args[1].expression)) : '';
            }
          } catch (e) {
            if (!(e instanceof Unresolved)) throw e;
            site.unresolved = e.message;
          }
          sites.push(site);
        }
        for (const key of Object.keys(node)) if (key !== 'span') visit(node[key]);
      };
      visit(file.ast);
    }
    return sites;
  }
}
