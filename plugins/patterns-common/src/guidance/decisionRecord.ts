import { DecisionResult, DecisionState, visitedNodes } from '../decisionTree';
import { DecisionTree } from '../schemas';
import { ProsAndCons } from './prosAndCons';

/** What an Architecture Decision Record is written from. */
export interface DecisionRecordInput {
  tree: DecisionTree;
  /** The walks of the session, in order. */
  states: readonly DecisionState[];
  result: DecisionResult;
  /** Title and trade-offs of every pattern the record names. */
  patterns: ReadonlyMap<string, { title: string } & Partial<ProsAndCons>>;
  /** The URL of a pattern's page. */
  patternUrl: (id: string) => string;
  /** The entity the decision is for, when it is made on an entity's page. */
  entity?: { ref: string; title: string };
  /** The patterns the entity already declares. */
  declared?: readonly string[];
  /** `YYYY-MM-DD`. */
  date: string;
}

/** The record's file name, as the Backstage ADR plugin lists them: `NNNN-title.md` without the number. */
export function decisionRecordFileName(title: string): string {
  return `${title
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '')}.md`;
}

function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/**
 * The decision as a Markdown ADR in the MADR format (front matter with status
 * and date, then Context and Problem Statement, Considered Options, Decision
 * Outcome with Consequences, More Information), which the Backstage ADR
 * plugin reads. The context is the entity and the answers given; the
 * considered options are the other answers on the path and the cheaper
 * alternatives the outcomes name; the consequences are the documents' pros
 * and cons.
 */
export function decisionRecordMarkdown(input: DecisionRecordInput): string {
  const { tree, states, result, patterns, patternUrl, entity } = input;
  const title = (id: string) => patterns.get(id)?.title ?? id;
  const link = (id: string) => `[${title(id)}](${patternUrl(id)})`;
  const chosen = result.patterns.map(p => p.id);
  const heading = chosen.length
    ? `Use ${chosen.map(title).join(', ')}${
        entity ? ` for ${entity.title}` : ''
      }`
    : `Patterns not needed${entity ? ` for ${entity.title}` : ''}`;

  const lines: string[] = [
    '---',
    'status: proposed',
    `date: ${input.date}`,
    '---',
    '',
    `# ${heading}`,
    '',
    '## Context and Problem Statement',
    '',
  ];
  lines.push(
    entity
      ? `This decision is for \`${entity.ref}\` (${inline(entity.title)}).`
      : 'This decision was worked out with the architecture patterns decision wizard.',
  );
  if (input.declared && input.declared.length > 0) {
    lines.push(`It already declares ${input.declared.map(link).join(', ')}.`);
  }
  lines.push('', 'The questions and the answers given:', '');
  for (const state of states) {
    for (const step of state.steps) {
      const question = tree.questions[step.questionId];
      lines.push(
        `* ${inline(question.text)} — **${inline(
          question.answers[step.answerIndex].label,
        )}**`,
      );
    }
  }

  lines.push('', '## Considered Options', '');
  for (const p of result.patterns) lines.push(`* ${title(p.id)} (chosen)`);
  for (const state of states) {
    const visited = visitedNodes(state);
    state.steps.forEach((step, i) => {
      const question = tree.questions[step.questionId];
      question.answers.forEach((answer, index) => {
        if (index === step.answerIndex) return;
        const outcome = tree.outcomes[answer.next];
        const target = outcome
          ? title(outcome.primary)
          : tree.exits[answer.next]?.title;
        if (target && !visited.slice(i + 1).includes(answer.next)) {
          lines.push(
            `* ${target} — had the answer to “${inline(
              question.text,
            )}” been “${inline(answer.label)}”`,
          );
        }
      });
    });
  }
  for (const alternative of result.alternatives) {
    const name = alternative.id
      ? title(alternative.id)
      : alternative.title ?? '';
    lines.push(
      `* ${inline(name)} — to check first: ${inline(alternative.why)}`,
    );
  }

  lines.push('', '## Decision Outcome', '');
  if (chosen.length > 0) {
    lines.push(
      `Chosen option: ${chosen
        .map(id => `"${title(id)}"`)
        .join(' + ')}, because:`,
      '',
    );
    for (const p of result.patterns) {
      for (const reason of p.reasons) {
        const withText = reason.with
          ? ` (needed with ${title(reason.with)})`
          : '';
        lines.push(`* ${title(p.id)}${withText}: ${inline(reason.why)}`);
      }
    }
  }
  for (const exitId of result.exits) {
    const exit = tree.exits[exitId];
    lines.push('', `${inline(exit.title)}: ${inline(exit.why)} Instead:`, '');
    for (const instead of exit.instead) {
      const name = instead.id
        ? link(instead.id)
        : `[${instead.title}](${instead.link})`;
      lines.push(`* ${name} — ${inline(instead.why)}`);
    }
  }
  lines.push('', '### Consequences', '');
  for (const p of result.patterns) {
    const tradeOffs = patterns.get(p.id);
    for (const pro of tradeOffs?.pros ?? [])
      lines.push(`* Good, because ${title(p.id)}: ${inline(pro)}`);
    for (const con of tradeOffs?.cons ?? [])
      lines.push(`* Bad, because ${title(p.id)}: ${inline(con)}`);
  }

  lines.push('', '## More Information', '');
  const linked = [
    ...chosen,
    ...result.alternatives.flatMap(a => (a.id ? [a.id] : [])),
    ...result.exits.flatMap(id =>
      tree.exits[id].instead.flatMap(i => (i.id ? [i.id] : [])),
    ),
  ];
  for (const id of [...new Set(linked)]) lines.push(`* ${link(id)}`);
  lines.push('');
  return lines.join('\n');
}
