import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The lint is test tooling (never exported from the package), so the
// compiler is a devDependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import ts from 'typescript';

/** A document's TypeScript example: its ```ts blocks joined in order into one module. */
export interface TypeScriptModule {
  key: string;
  source: string;
}

export interface TypeScriptDiagnostic {
  key: string;
  /** 1-based line in the module, when the diagnostic has a position. */
  line?: number;
  message: string;
}

/**
 * The settings every example must compile under, as the content brief says:
 * strict, ES2022 with the DOM library, Node's types, NodeNext modules.
 */
export function exampleCompilerOptions(): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    // Each example is its own module even if it forgot to export anything
    // (that is reported separately), so examples never clash in one program.
    moduleDetection: ts.ModuleDetectionKind.Force,
    types: ['node'],
    typeRoots: [typesDirectory()],
    skipLibCheck: true,
  };
}

/** Library files parse once per process; programs share them. */
const libraryFiles = new Map<string, ts.SourceFile>();

/**
 * Type-checks all modules in one program (separate files, so each is its own
 * scope) and returns every diagnostic by module key.
 */
export function typeCheckModules(
  modules: TypeScriptModule[],
): TypeScriptDiagnostic[] {
  if (modules.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patterns-lint-ts-'));
  try {
    // An explicit CommonJS package scope, the same as no package.json at all.
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      '{ "type": "commonjs" }\n',
    );
    const keyOf = new Map<string, string>();
    modules.forEach((module, index) => {
      const file = path.join(
        dir,
        `${index}-${module.key.replace(/[^\w-]+/g, '_')}.ts`,
      );
      fs.writeFileSync(file, module.source);
      keyOf.set(path.resolve(file), module.key);
    });
    const options = exampleCompilerOptions();
    const host = ts.createCompilerHost(options);
    const readSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      if (keyOf.has(path.resolve(fileName))) {
        return readSourceFile(fileName, languageVersion, onError, shouldCreate);
      }
      let file = libraryFiles.get(fileName);
      if (!file) {
        file = readSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (file) libraryFiles.set(fileName, file);
      }
      return file;
    };
    const program = ts.createProgram([...keyOf.keys()], options, host);
    const diagnostics: TypeScriptDiagnostic[] = [];
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(
        diagnostic.messageText,
        ' ',
      )}`;
      const key =
        diagnostic.file && keyOf.get(path.resolve(diagnostic.file.fileName));
      if (!key) {
        throw new Error(`The example type-check is misconfigured: ${message}`);
      }
      const line =
        diagnostic.start === undefined
          ? undefined
          : diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start)
              .line + 1;
      diagnostics.push({ key, line, message });
    }
    return diagnostics;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function typesDirectory(): string {
  return path.dirname(
    path.dirname(require.resolve('@types/node/package.json')),
  );
}
