import { useRouteRef } from '@backstage/core-plugin-api';
import { isSafeHref } from '@system-design/backstage-plugin-patterns-common';
import { patternRouteRef } from '../routes';

/** A function from pattern id to the pattern page's URL. */
export function usePatternLink(): (id: string) => string {
  const patternLink = useRouteRef(patternRouteRef);
  return (id: string) => patternLink({ id });
}

/**
 * A function from a link in the content to where it points in this app:
 * `/patterns/<id>#section` follows the plugin wherever it is mounted; other
 * safe links stay as written; unsafe ones (`javascript:` …) give undefined.
 */
export function useContentHref(): (href: string) => string | undefined {
  const patternLink = usePatternLink();
  return (href: string) => {
    const match = /^\/patterns\/([a-z0-9-]+)(#[\w-]*)?$/.exec(href);
    if (match) return `${patternLink(match[1])}${match[2] ?? ''}`;
    return isSafeHref(href) ? href : undefined;
  };
}
