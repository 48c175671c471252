import { Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import {
  EntityPatterns,
  EntityPatternsProvider,
  useEntityPatterns,
} from '../../hooks/useEntityPatterns';
import { AsyncContent, CardBoundary } from '../AsyncContent';
import { useProseStyles } from '../PatternsLayout/proseStyles';
import {
  EntityDecisionWizard,
  EntityPatternGraph,
} from '../EntityDecisionTools';
import { AnnotationProblems } from './AnnotationProblems';
import { DetectedNotDeclared } from './DetectedNotDeclared';
import { GapWarningsCard } from './GapWarningsCard';
import { PatternsAnnotationEmptyState } from './PatternsAnnotationEmptyState';
import { SuggestionsCard } from './SuggestionsCard';
import { UsedPatternsCard } from './UsedPatternsCard';

/** One grid cell whose card fails alone. */
function Cell(props: { children: ReactNode; lg?: 4 | 8; xl?: 6 }) {
  return (
    <Grid item xs={12} lg={props.lg} xl={props.xl}>
      <CardBoundary>{props.children}</CardBoundary>
    </Grid>
  );
}

function PatternsTab(props: { entity: Entity; value: EntityPatterns }) {
  const { entity, value } = props;
  const detectedOnly = value.uses.filter(
    u => u.state === 'detected-not-declared',
  );
  // Something to show: an annotation (even a wrong one), or evidence.
  const known = value.declared || value.uses.length > 0;
  const classes = useProseStyles();
  return (
    <Grid container spacing={3} alignItems="stretch" className={classes.prose}>
      {!known && (
        <Cell>
          <PatternsAnnotationEmptyState entity={entity} />
        </Cell>
      )}
      {value.annotationLineForDetected && detectedOnly.length > 0 && (
        <Cell>
          <DetectedNotDeclared
            entity={entity}
            annotated={value.declared}
            detectedOnly={detectedOnly}
            line={value.annotationLineForDetected}
          />
        </Cell>
      )}
      {value.problems.length > 0 && (
        <Cell>
          <AnnotationProblems
            entity={entity}
            annotation={value.annotation}
            problems={value.problems}
            corrected={value.corrected}
          />
        </Cell>
      )}
      {known && (
        <>
          <Cell>
            <UsedPatternsCard uses={value.uses} categories={value.categories} />
          </Cell>
          <Cell lg={4}>
            <SuggestionsCard suggestions={value.suggestions} />
          </Cell>
          <Cell lg={8}>
            <GapWarningsCard gaps={value.gaps} patterns={value.patterns} />
          </Cell>
          <Cell xl={6}>
            <EntityPatternGraph />
          </Cell>
        </>
      )}
      <Cell xl={known ? 6 : undefined}>
        <EntityDecisionWizard />
      </Cell>
    </Grid>
  );
}

function EntityPatternsBody(props: { entity: Entity }) {
  const state = useEntityPatterns(props.entity);
  return (
    <AsyncContent state={state}>
      {(value: EntityPatterns) => (
        <PatternsTab entity={props.entity} value={value} />
      )}
    </AsyncContent>
  );
}

/**
 * The entity page's "Patterns" tab (Component, API and System pages): the
 * patterns the entity declares and those its files or catalog fields show,
 * each with its state and evidence; the annotation line that adds what is
 * detected but not declared; what often goes with them, risky gaps, and
 * what is wrong with the annotation; or how to add the annotation. Every
 * card reads the entity's patterns from the same hook, which asks the
 * backend for the entity's report once for the whole tab; each card fails
 * alone.
 */
export function EntityPatternsContent() {
  const { entity } = useEntity();
  return (
    <EntityPatternsProvider entity={entity}>
      <EntityPatternsBody entity={entity} />
    </EntityPatternsProvider>
  );
}
