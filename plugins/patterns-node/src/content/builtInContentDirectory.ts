import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/**
 * The built-in pattern catalog. A published package carries it in its own
 * `content/` folder (copied there when packed); in this repository it is the
 * `content/` folder at the root, the one source.
 */
export function builtInContentDirectory(): string {
  const packageRoot = resolvePackagePath(
    '@system-design/backstage-plugin-patterns-node',
  );
  const candidates = [
    path.join(packageRoot, 'content'),
    path.resolve(packageRoot, '..', '..', 'content'),
  ];
  const found = candidates.find(dir =>
    fs.existsSync(path.join(dir, 'categories.yaml')),
  );
  if (!found) {
    throw new Error(
      `The built-in pattern content is missing; looked in ${candidates.join(
        ' and ',
      )}`,
    );
  }
  return found;
}
