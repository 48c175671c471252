import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReactNode } from 'react';

/** What `useAsync` returns: loading, then an error or a value. */
export interface AsyncState<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * The one loading and error presentation of the plugin: a progress bar while
 * loading, Backstage's error panel (with the backend's error body) on
 * failure, the rendered value otherwise.
 */
export function AsyncContent<T>(props: {
  state: AsyncState<T>;
  children: (value: T) => ReactNode;
  /** A view for errors that deserve their own (e.g. not found); undefined falls back to the error panel. */
  renderError?: (error: Error) => ReactNode | undefined;
}) {
  const { loading, error, value } = props.state;
  if (loading) return <Progress />;
  const special = error && props.renderError?.(error);
  if (special) return <>{special}</>;
  if (error || value === undefined) {
    return (
      <ResponseErrorPanel
        error={error ?? new Error('The patterns backend sent no data')}
      />
    );
  }
  return <>{props.children(value)}</>;
}

/** Two loads as one: loading while either is, the first error, both values. */
export function combineStates<A, B>(
  a: AsyncState<A>,
  b: AsyncState<B>,
): AsyncState<[A, B]> {
  return {
    loading: a.loading || b.loading,
    error: a.error ?? b.error,
    value:
      a.value !== undefined && b.value !== undefined
        ? [a.value, b.value]
        : undefined,
  };
}
