import Typography from '@material-ui/core/Typography';
import { ReactNode, useEffect, useRef } from 'react';

/**
 * A question's or result's heading, focused when it appears so keyboard and
 * screen-reader users follow the wizard. Give it a `key` that changes with
 * what it names, so each new question or result is focused again.
 */
export function FocusedHeading(props: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Typography
      variant="h5"
      component="h3"
      tabIndex={-1}
      ref={heading}
      gutterBottom
      style={{ outline: 'none' }}
    >
      {props.children}
    </Typography>
  );
}
