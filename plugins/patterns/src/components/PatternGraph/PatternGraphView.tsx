import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTheme } from '@material-ui/core/styles';
import {
  PatternGraph,
  PatternGraphRelation,
  PATTERN_RELATION_TABLE,
} from '@system-design/backstage-plugin-patterns-common';
import { useNavigate } from 'react-router-dom';
import { patternRouteRef } from '../../routes';
import { categoryColour, RELATION_STYLES } from './graphStyles';

type NodeData = { title: string; category: string; highlighted: boolean };
type EdgeData = { relation: PatternGraphRelation };

const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 34;

/**
 * The related-pattern graph: nodes coloured by category (highlighted ones
 * outlined), edges styled by relation; a node opens its pattern.
 */
export function PatternGraphView(props: {
  graph: PatternGraph;
  categoryIds: string[];
  highlight?: string[];
  /** An extra node (e.g. the service) linked to the highlighted patterns. */
  centre?: { id: string; title: string };
}) {
  const { graph, categoryIds, highlight = [], centre } = props;
  const navigate = useNavigate();
  const patternLink = useRouteRef(patternRouteRef);
  const theme = useTheme();

  const nodes: DependencyGraphTypes.DependencyNode<NodeData>[] =
    graph.nodes.map(n => ({
      id: n.id,
      title: n.title,
      category: n.category,
      highlighted: highlight.includes(n.id),
    }));
  const edges: DependencyGraphTypes.DependencyEdge<EdgeData>[] =
    graph.edges.map(e => ({
      from: e.source,
      to: e.target,
      relation: e.relation,
    }));
  if (centre) {
    nodes.push({
      id: centre.id,
      title: centre.title,
      category: '',
      highlighted: true,
    });
    for (const id of highlight) {
      if (graph.nodes.some(n => n.id === id)) {
        edges.push({ from: centre.id, to: id, relation: 'builds-on' });
      }
    }
  }

  const renderNode = ({
    node,
  }: DependencyGraphTypes.RenderNodeProps<NodeData>) => {
    const width = Math.max(80, node.title.length * CHAR_WIDTH + 24);
    const isCentre = node.id === centre?.id;
    const open = () => !isCentre && navigate(patternLink({ id: node.id }));
    return (
      <g
        role={isCentre ? undefined : 'link'}
        tabIndex={isCentre ? undefined : 0}
        aria-label={isCentre ? node.title : `${node.title} (${node.category})`}
        onClick={open}
        onKeyDown={e => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open();
          }
        }}
        style={{ cursor: isCentre ? 'default' : 'pointer' }}
        data-testid={`graph-node-${node.id}`}
      >
        <rect
          width={width}
          height={NODE_HEIGHT}
          rx={8}
          fill={
            isCentre
              ? theme.palette.background.paper
              : categoryColour(categoryIds, node.category)
          }
          stroke={node.highlighted ? theme.palette.text.primary : 'none'}
          strokeWidth={node.highlighted ? 3 : 0}
          opacity={highlight.length > 0 && !node.highlighted ? 0.75 : 1}
        />
        <text
          x={width / 2}
          y={NODE_HEIGHT / 2}
          textAnchor="middle"
          alignmentBaseline="middle"
          fill={isCentre ? theme.palette.text.primary : '#000'}
          fontSize={13}
          fontWeight={node.highlighted ? 700 : 400}
        >
          {node.title}
        </text>
      </g>
    );
  };

  const renderEdge = ({
    edge,
  }: DependencyGraphTypes.RenderEdgeProps<EdgeData>) => {
    const style =
      RELATION_STYLES[PATTERN_RELATION_TABLE[edge.relation].graphStyle];
    const d = edge.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`)
      .join(' ');
    return (
      <path
        key={`${edge.relation}:${d}`}
        d={d}
        fill="none"
        stroke={style.colour}
        strokeWidth={2}
        strokeDasharray={style.dash}
        markerEnd={
          edge.relation === 'builds-on' ? 'url(#pattern-arrow)' : undefined
        }
        data-relation={edge.relation}
      />
    );
  };

  return (
    <DependencyGraph
      nodes={nodes}
      edges={edges}
      renderNode={renderNode}
      renderEdge={renderEdge}
      direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
      rankMargin={60}
      nodeMargin={14}
      zoom="enable-on-click"
      defs={
        <marker
          id="pattern-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path
            d="M 0 0 L 10 5 L 0 10 z"
            fill={RELATION_STYLES['builds-on'].colour}
          />
        </marker>
      }
      style={{ width: '100%', minHeight: 480 }}
    />
  );
}
