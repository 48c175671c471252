import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { z } from 'zod';

/**
 * The structured data the catalog module stored in `error[field]` of the
 * entity's status items of one type, parsed with `schema`, without
 * duplicates (by message); items that do not parse are skipped.
 */
export function statusDataOf<T extends { message: string }>(
  entity: Entity,
  type: string,
  field: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): T[] {
  const items = (entity as AlphaEntity).status?.items ?? [];
  const seen = new Set<string>();
  const found: T[] = [];
  for (const item of items) {
    if (item.type !== type) continue;
    const parsed = schema.safeParse(
      (item.error as Record<string, unknown> | undefined)?.[field],
    );
    if (!parsed.success || seen.has(parsed.data.message)) continue;
    seen.add(parsed.data.message);
    found.push(parsed.data);
  }
  return found;
}
