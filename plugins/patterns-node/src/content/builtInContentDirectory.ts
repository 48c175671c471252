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
  // The copy script is not packed: where it exists, this is the repository,
  // whose root content/ is the source even while a pack has copied it here.
  const inRepository = fs.existsSync(
    path.join(packageRoot, 'scripts', 'copy-content.js'),
  );
  const dir = inRepository
    ? path.resolve(packageRoot, '..', '..', 'content')
    : path.join(packageRoot, 'content');
  if (!fs.existsSync(path.join(dir, 'categories.yaml'))) {
    throw new Error(`The built-in pattern content is missing from ${dir}`);
  }
  return dir;
}
