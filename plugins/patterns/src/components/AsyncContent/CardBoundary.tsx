import { ErrorBoundary } from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * Keeps one card's failure inside the card: a card that throws while
 * rendering shows its own error panel and the rest of the page renders.
 */
export function CardBoundary(props: { children: ReactNode }) {
  return <ErrorBoundary>{props.children}</ErrorBoundary>;
}
