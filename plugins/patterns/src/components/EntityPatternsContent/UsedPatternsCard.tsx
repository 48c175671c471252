import { InfoCard, Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PATTERN_USE_SOURCES,
  PatternCategory,
  PatternEvidence,
} from '@system-design/backstage-plugin-patterns-common';
import { EntityPatternUse } from '../../hooks/useEntityPatterns';
import { usePatternLink } from '../../hooks/usePatternLink';
import {
  PatternUseMark,
  patternUseSourceText,
  sourceOfState,
} from '../PatternUseSource';

/** The evidence behind one pattern: where it was found, what matched, by which rule. */
function EvidenceList(props: { evidence: PatternEvidence[]; title: string }) {
  const { evidence, title } = props;
  if (evidence.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No evidence found in its files or catalog fields.
      </Typography>
    );
  }
  return (
    <ul
      aria-label={`Evidence of ${title}`}
      style={{ margin: 0, paddingLeft: 16 }}
    >
      {evidence.map(e => (
        <li key={`${e.rule}|${e.source}|${e.detail}`}>
          <Typography variant="body2" component="span">
            <code>{e.source}</code>: {e.detail}
          </Typography>{' '}
          <Typography variant="caption" component="span" color="textSecondary">
            ({e.strength}, rule {e.rule})
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/** "2 declared and detected, 1 detected, not declared". */
function countsBySource(uses: EntityPatternUse[]): string {
  const counts = PATTERN_USE_SOURCES.map(source => ({
    source,
    count: uses.filter(u => sourceOfState(u.state) === source).length,
  })).filter(c => c.count > 0);
  return counts
    .map(c => `${c.count} ${patternUseSourceText(c.source)}`)
    .join(' · ');
}

/**
 * The patterns the entity uses, declared in its annotation or detected in
 * its files and catalog fields: each with its state, the evidence behind
 * it, and what it is best for and costs.
 */
export function UsedPatternsCard(props: {
  uses: EntityPatternUse[];
  categories: ReadonlyMap<string, PatternCategory>;
}) {
  const { uses, categories } = props;
  const patternLink = usePatternLink();
  return (
    <InfoCard
      title="Patterns used"
      subheader={uses.length > 0 ? countsBySource(uses) : '0 declared'}
      noPadding
    >
      {uses.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          None of the values in the annotation is a known pattern id.
        </Typography>
      ) : (
        <Table size="small" aria-label="Patterns used">
          <TableHead>
            <TableRow>
              <TableCell>Pattern</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Evidence</TableCell>
              <TableCell>Best for</TableCell>
              <TableCell>Key trade-off</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {uses.map(({ pattern, state, evidence }) => (
              <TableRow key={pattern.id} data-state={state}>
                <TableCell component="th" scope="row">
                  <Link to={patternLink(pattern.id)}>{pattern.title}</Link>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    display="block"
                    data-category
                  >
                    {categories.get(pattern.category)?.title ??
                      pattern.category}
                  </Typography>
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <PatternUseMark source={sourceOfState(state)} />
                </TableCell>
                <TableCell>
                  <EvidenceList evidence={evidence} title={pattern.title} />
                </TableCell>
                <TableCell>{pattern.bestFor}</TableCell>
                <TableCell>{pattern.tradeoff}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
