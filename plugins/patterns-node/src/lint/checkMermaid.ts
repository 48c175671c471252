import { fork } from 'node:child_process';
import path from 'node:path';

export interface MermaidDiagram {
  key: string;
  text: string;
}

const TIMEOUT_MS = 120_000;

/**
 * Parses each diagram with the real Mermaid (strict security level) and
 * returns the error message of every one it rejects, by key. Mermaid runs in
 * a child Node process (see parseMermaid.mjs); one process parses them all.
 */
export async function findMermaidErrors(
  diagrams: MermaidDiagram[],
): Promise<Map<string, string>> {
  if (diagrams.length === 0) return new Map();
  // The lint runs from source under Jest, never from a production build.
  // eslint-disable-next-line no-restricted-syntax
  const child = fork(path.join(__dirname, 'parseMermaid.mjs'), [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr += chunk;
  });
  const results = await new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Mermaid did not answer within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.once('message', message => {
      clearTimeout(timer);
      resolve(message);
    });
    child.once('error', e => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(
        new Error(
          `the Mermaid process exited (${code}) without an answer: ${stderr}`,
        ),
      );
    });
    child.send(diagrams);
  });
  if (!Array.isArray(results)) {
    throw new Error(
      `Mermaid could not be loaded: ${
        (results as { setupError?: string }).setupError
      }`,
    );
  }
  return new Map(
    (results as Array<{ key: string; error?: string }>).flatMap(r =>
      r.error === undefined ? [] : [[r.key, r.error] as const],
    ),
  );
}
