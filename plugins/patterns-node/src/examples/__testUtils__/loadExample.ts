import { createRequire } from 'node:module';
import ts from 'typescript';
import { exampleSource, patternFile } from '../exampleSource';

/**
 * Compiles a pattern's TypeScript example, taken from its document, and
 * returns the module's exports, so tests exercise exactly the code readers see.
 */
export function loadExample(id: string): Record<string, any> {
  const file = patternFile(id);
  const { outputText } = ts.transpileModule(exampleSource(file), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: `${id}.ts`,
  });
  const module = { exports: {} as Record<string, any> };
  // eslint-disable-next-line no-new-func
  const evaluate = new Function('exports', 'require', 'module', outputText);
  evaluate(module.exports, createRequire(file), module);
  return module.exports;
}
