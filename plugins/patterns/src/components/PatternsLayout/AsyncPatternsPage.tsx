import { ReactNode } from 'react';
import { AsyncContent, AsyncState } from '../AsyncContent';
import { PatternsLayout } from './PatternsLayout';

/** A patterns page whose body waits for data: the frame at once, then progress, error or content. */
export function AsyncPatternsPage<T>(props: {
  title: string;
  subtitle?: ReactNode;
  state: AsyncState<T>;
  children: (value: T) => ReactNode;
  renderError?: (error: Error) => ReactNode | undefined;
}) {
  const { title, subtitle, state, children, renderError } = props;
  return (
    <PatternsLayout title={title} subtitle={subtitle}>
      <AsyncContent state={state} renderError={renderError}>
        {children}
      </AsyncContent>
    </PatternsLayout>
  );
}
