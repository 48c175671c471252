import { Link } from '@backstage/core-components';
import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { DecisionAlternative } from '@system-design/backstage-plugin-patterns-common';
import { useContentHref, usePatternLink } from '../../hooks/usePatternLink';

/** What the views of a decision need to name patterns. */
export interface DecisionNames {
  titleOf: (id: string) => string;
  /** The patterns the entity already declares, on an entity page. */
  declared?: ReadonlySet<string>;
}

/** A pattern's page link, marked when the entity already declares it. */
export function PatternRef(props: { id: string; names: DecisionNames }) {
  const { id, names } = props;
  const patternLink = usePatternLink();
  return (
    <>
      <Link to={patternLink(id)}>{names.titleOf(id)}</Link>
      {names.declared?.has(id) && (
        <>
          {' '}
          <Chip size="small" variant="outlined" label="already declared" />
        </>
      )}
    </>
  );
}

/**
 * Something to check first or to do instead: a pattern's page, a link (a
 * section of a pattern page, or another site when its scheme is safe), or
 * just its title.
 */
export function AlternativeRef(props: {
  alternative: DecisionAlternative;
  names: DecisionNames;
}) {
  const { alternative, names } = props;
  const contentHref = useContentHref();
  if (alternative.id) return <PatternRef id={alternative.id} names={names} />;
  const title = alternative.title ?? alternative.link ?? '';
  const href = alternative.link ? contentHref(alternative.link) : undefined;
  return href ? <Link to={href}>{title}</Link> : <>{title}</>;
}

/** A list of alternatives, each with why. */
export function AlternativeList(props: {
  alternatives: readonly DecisionAlternative[];
  names: DecisionNames;
  label: string;
}) {
  const { alternatives, names, label } = props;
  return (
    <Typography variant="body2" component="ul" aria-label={label}>
      {alternatives.map((alternative, index) => (
        <li key={alternative.id ?? alternative.link ?? index}>
          <AlternativeRef alternative={alternative} names={names} />
          {' — '}
          {alternative.why}
        </li>
      ))}
    </Typography>
  );
}

/** A titled part of a result: a small heading and what it lists. */
export function DecisionSubsection(props: {
  title: string;
  children: ReactNode;
  mt?: number;
}) {
  return (
    <Box mt={props.mt ?? 2}>
      <Typography variant="subtitle2" component="h4">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** Alternatives (or what to do instead) under their heading. */
export function AlternativesSection(props: {
  title: string;
  label: string;
  alternatives: readonly DecisionAlternative[];
  names: DecisionNames;
  mt?: number;
}) {
  const { title, label, alternatives, names, mt } = props;
  return (
    <DecisionSubsection title={title} mt={mt}>
      <AlternativeList
        alternatives={alternatives}
        names={names}
        label={label}
      />
    </DecisionSubsection>
  );
}
