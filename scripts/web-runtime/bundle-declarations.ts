import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * One self-contained `.d.ts` for an entry module: TypeScript's declaration emit for the
 * entry and the modules it imports (per file, as isolated declarations: the declarations a
 * public API needs carry their types, so no type checking is needed here), reduced to the
 * declarations the entry's exports reach, with their JSDoc, and joined into one file. The
 * published types are the studio's own, never a copy to keep in step.
 *
 * It handles what the entry's import graph uses and refuses the rest loudly: names are
 * exported under the name they are declared with, two modules may not declare one name,
 * and a reached declaration may not need a package (zod's inferred types, say), since the
 * file ships without dependencies. The result is checked on its own before it is
 * returned; `checkRuntimeTypes` type-checks the modules themselves (slower, for the tests).
 */
export function bundleDeclarations(root: string, entry: string, header: string): string {
  const modules = new Map<string, DeclarationModule>();
  const moduleOf = (file: string, neededBy: string): DeclarationModule => {
    let module = modules.get(file);
    if (!module) {
      if (!file.endsWith('.ts'))
        throw new Error(`${neededBy} needs the package ${file}; the bundled types may only come from this repository`);
      module = indexModule(file, declarationsOf(file));
      modules.set(file, module);
    }
    return module;
  };

  /** Declarations to keep, in the order they were reached. */
  const included = new Map<ts.Statement, DeclarationModule>();
  const owners = new Map<string, string>();
  const include = (file: string, name: string, meaning: Meaning, neededBy: string): void => {
    const module = moduleOf(file, neededBy);
    const local = module.declarations.filter(
      (d) => d.name === name && (d.meaning === meaning || d.meaning === 'both' || meaning === 'both'),
    );
    if (local.length > 0) {
      const owner = owners.get(name);
      if (owner !== undefined && owner !== file)
        throw new Error(`Both ${relative(root, owner)} and ${relative(root, file)} declare ${name}`);
      owners.set(name, file);
      for (const declaration of local) {
        if (included.has(declaration.node)) continue;
        included.set(declaration.node, module);
        for (const reference of referencesOf(declaration.node))
          include(file, reference.name, reference.meaning, `${name} in ${relative(root, file)}`);
      }
      return;
    }
    const link = module.imports.get(name) ?? module.reexports.get(name);
    if (link) {
      if (link.name !== name) throw new Error(`${relative(root, file)} renames ${link.name} to ${name}; export it under its own name`);
      include(link.file, name, link.meaning === 'type' ? 'type' : meaning, neededBy);
    }
    // Anything else is a global (Error, Record, ReadonlyMap); the final check catches a name that is not.
  };

  const entryModule = moduleOf(resolve(root, entry), 'The entry');
  for (const [name, meaning] of entryModule.exports) include(entryModule.file, name, meaning, entry);

  const byModule = new Map<DeclarationModule, ts.Statement[]>([[entryModule, []]]);
  for (const [node, module] of included) {
    byModule.set(module, [...(byModule.get(module) ?? []), node]);
  }
  const sections = [...byModule].map(([module, nodes]) => {
    const body = nodes
      .sort((a, b) => a.pos - b.pos)
      .map((node) => declarationText(module.source, node))
      .join('\n');
    return `// ${relative(root, module.file).split('\\').join('/')}\n${body}`;
  });
  const bundle = `${header}\n${sections.join('\n\n')}\n`;
  checkStandalone(bundle);
  return bundle;
}

type Meaning = 'type' | 'value' | 'both';

interface Link {
  file: string;
  name: string;
  meaning: Meaning;
}

interface DeclarationModule {
  file: string;
  source: ts.SourceFile;
  declarations: { name: string; meaning: Meaning; node: ts.Statement }[];
  /** Local name → where it comes from; `type` for `import type`. */
  imports: Map<string, Link>;
  reexports: Map<string, Link>;
  /** Names the module exports (declared here or passed on), in order, and as what. */
  exports: Map<string, Meaning>;
}

/**
 * The host APIs the runtime may use beyond ES2023 (every browser, Node 17+, Deno and Bun
 * have them). The runtime is type-checked against ES2023 and these alone, so a DOM or Node
 * API creeping into the runtime's modules fails its tests (tests/unit/web-runtime.test.ts).
 */
const HOST_GLOBALS = 'declare function structuredClone<T>(value: T): T;\n';
const HOST_GLOBALS_FILE = '/loreweaver-host-globals.d.ts';
const RUNTIME_LIBRARY: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts'],
  strict: true,
  skipLibCheck: true,
  types: [],
};

/** The declarations TypeScript emits for one source file on its own (isolated declarations). */
function declarationsOf(file: string): string {
  const result = ts.transpileDeclaration(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { ...RUNTIME_LIBRARY, declaration: true },
  });
  return result.outputText;
}

/**
 * Type-checks the entry and every module it imports against ES2023 and HOST_GLOBALS alone;
 * returns the problems, formatted (none: an empty string).
 */
export function checkRuntimeTypes(root: string, entry: string): string {
  const program = programWith([resolve(root, entry), HOST_GLOBALS_FILE], new Map([[HOST_GLOBALS_FILE, HOST_GLOBALS]]), {
    ...RUNTIME_LIBRARY,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    isolatedModules: true,
    noEmit: true,
  });
  return formatDiagnostics(ts.getPreEmitDiagnostics(program));
}

/** A program over real files plus some held in memory. */
function programWith(rootNames: string[], memory: ReadonlyMap<string, string>, options: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => memory.has(name) || fileExists.call(host, name);
  host.readFile = (name) => memory.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, version, ...rest) => {
    const text = memory.get(name);
    return text === undefined ? getSourceFile.call(host, name, version, ...rest) : ts.createSourceFile(name, text, version);
  };
  return ts.createProgram(rootNames, options, host);
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function indexModule(file: string, text: string): DeclarationModule {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2023, true);
  /** A relative specifier names a source file beside this one; a package stays a bare name (and is refused when reached). */
  const target = (specifier: ts.Expression) => {
    const text = (specifier as ts.StringLiteral).text;
    return text.startsWith('.') ? `${resolve(dirname(file), text)}.ts` : text;
  };
  const module: DeclarationModule = { file, source, declarations: [], imports: new Map(), reexports: new Map(), exports: new Map() };
  const declare = (name: string, meaning: Meaning, node: ts.Statement) => {
    module.declarations.push({ name, meaning, node });
    if (hasModifier(node, ts.SyntaxKind.ExportKeyword)) module.exports.set(name, module.exports.has(name) ? 'both' : meaning);
  };
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) declare(statement.name.text, 'type', statement);
    else if ((ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name)
      declare(statement.name.text, 'both', statement);
    else if (ts.isFunctionDeclaration(statement) && statement.name) declare(statement.name.text, 'value', statement);
    else if (ts.isVariableStatement(statement)) {
      for (const variable of statement.declarationList.declarations) {
        if (ts.isIdentifier(variable.name)) declare(variable.name.text, 'value', statement);
      }
    } else if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (statement.importClause?.name || (bindings && !ts.isNamedImports(bindings))) {
        throw new Error(`${file}: only named imports are supported in the web runtime's modules`);
      }
      for (const element of bindings?.elements ?? []) {
        const meaning = statement.importClause?.isTypeOnly || element.isTypeOnly ? 'type' : 'both';
        module.imports.set(element.name.text, {
          file: target(statement.moduleSpecifier),
          name: (element.propertyName ?? element.name).text,
          meaning,
        });
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) throw new Error(`${file}: export * is not supported`);
      for (const element of statement.exportClause.elements) {
        const name = element.name.text;
        const from = (element.propertyName ?? element.name).text;
        const meaning = statement.isTypeOnly || element.isTypeOnly ? 'type' : 'both';
        if (statement.moduleSpecifier) module.reexports.set(name, { file: target(statement.moduleSpecifier), name: from, meaning });
        else if (from !== name) throw new Error(`${file}: exports ${from} as ${name}; export it under its own name`);
        module.exports.set(name, meaning);
      }
    }
  }
  return module;
}

/** The names a declaration refers to, and whether as a type or a value (`typeof x`). */
function referencesOf(node: ts.Node): { name: string; meaning: Meaning }[] {
  const found: { name: string; meaning: Meaning }[] = [];
  const leftmost = (name: ts.EntityName | ts.Expression): ts.Identifier | undefined => {
    if (ts.isIdentifier(name)) return name;
    if (ts.isQualifiedName(name)) return leftmost(name.left);
    if (ts.isPropertyAccessExpression(name)) return leftmost(name.expression);
    return undefined;
  };
  const visit = (child: ts.Node): void => {
    if (ts.isImportTypeNode(child)) throw new Error(`import() types are not supported: ${child.getText()}`);
    const reference = ts.isTypeReferenceNode(child)
      ? { id: leftmost(child.typeName), meaning: 'type' as const }
      : ts.isExpressionWithTypeArguments(child)
        ? { id: leftmost(child.expression), meaning: 'both' as const }
        : ts.isTypeQueryNode(child)
          ? { id: leftmost(child.exprName), meaning: 'value' as const }
          : undefined;
    if (reference?.id) found.push({ name: reference.id.text, meaning: reference.meaning });
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

/** The declaration with its doc comment, exported (a dependency's types are part of the public surface). */
function declarationText(source: ts.SourceFile, node: ts.Statement): string {
  const comments = source.text.slice(node.getFullStart(), node.getStart(source)).replace(/^\s*\n/, '');
  const exported = hasModifier(node, ts.SyntaxKind.ExportKeyword) ? '' : 'export ';
  return `${comments}${exported}${node.getText(source)}`;
}

/**
 * The bundle must type-check by itself (every name it uses is declared in it or in ES2023)
 * and hold no `any`, which is what isolated declaration emit writes for an export whose
 * type it cannot see: give that export an explicit type.
 */
function checkStandalone(text: string): void {
  const fileName = '/loreweaver-runtime.d.ts';
  const program = programWith([fileName], new Map([[fileName, text]]), { ...RUNTIME_LIBRARY, noEmit: true });
  const problems = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
  if (problems.length > 0) throw new Error(`The bundled declarations do not stand alone:\n${formatDiagnostics(problems)}`);
  const untyped: string[] = [];
  const source = program.getSourceFile(fileName)!;
  const visit = (node: ts.Node, statement: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) untyped.push(statement.getText(source));
    ts.forEachChild(node, (child) => visit(child, node === source ? child : statement));
  };
  visit(source, source);
  if (untyped.length > 0) throw new Error(`Declarations without an explicit type in the web runtime's API:\n${untyped.join('\n')}`);
}

const formatDiagnostics = (diagnostics: readonly ts.Diagnostic[]) =>
  ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' });
