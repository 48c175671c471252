import { useRouteRef } from '@backstage/core-plugin-api';
import { patternRouteRef } from '../routes';

/** A function from pattern id to the pattern page's URL. */
export function usePatternLink(): (id: string) => string {
  const patternLink = useRouteRef(patternRouteRef);
  return (id: string) => patternLink({ id });
}
