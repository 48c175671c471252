import { closest, distance } from 'fastest-levenshtein';
import { PatternIdIndex } from './patternIdIndex';

/** No pattern id is anywhere near this long; longer tokens are junk. */
export const MAX_TOKEN_LENGTH = 80;

/** The closest known id to a mistyped one, if it is close enough to be a typo. */
export function suggestPatternId(
  token: string,
  index: PatternIdIndex,
): string | undefined {
  const candidates = [...index.ids, ...index.aliases.keys()];
  if (candidates.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return undefined;
  }
  const prefixed = [...index.ids].find(
    id => token.length >= 3 && id.startsWith(token),
  );
  if (prefixed) return prefixed;
  const best = closest(token, candidates);
  const allowed = Math.max(2, Math.floor(token.length * 0.4));
  if (distance(token, best) > allowed) return undefined;
  return index.aliases.get(best) ?? best;
}
