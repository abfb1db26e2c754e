import ts from 'typescript';

/** The TypeScript errors in `files`, compiled as a game's ES2023 module would be (strict, no ambient types). */
export function typeErrors(files: string[], libs: string[] = ['lib.es2023.d.ts']): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2023,
    lib: libs,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
