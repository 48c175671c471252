import fs from 'node:fs/promises';
import path from 'node:path';
import {
  categoriesFileSchema,
  checkGuidance,
  decisionTreeFileSchema,
  layersFileSchema,
  PatternCategory,
  PatternDocument,
  PatternLayers,
  PatternScenario,
  scenariosFileSchema,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentError, ContentProblem } from './ContentProblem';
import { mergeDecisionTree } from './mergeDecisionTree';
import { GapRuleMap, mergeGaps, resolveGapRules } from './gapsFile';
import {
  EvidenceRuleMap,
  mergeEvidenceRules,
  resolveEvidenceRules,
} from './evidenceFile';
import { parsePatternDocument } from './parsePatternDocument';
import { listPatternFiles, readCatalogFile } from './readContentFiles';
import { PatternContent } from './types';
import {
  checkContentDirectory,
  isFileSystemError,
  unreadableProblem,
} from './fsErrors';
import { checkAliases } from './checkAliases';
import { dropUnsafeReferences } from './dropUnsafeReferences';

/**
 * Loads content directories in order; a later directory adds patterns,
 * categories, scenarios, gap rules and evidence rules and overrides earlier
 * ones with the same id.
 * Broken documents are reported in `problems` and left out; links to
 * unknown patterns are reported and dropped.
 */
export async function loadPatternContent(
  directories: string[],
): Promise<PatternContent> {
  const problems: ContentProblem[] = [];
  const patterns = new Map<string, PatternDocument>();
  const categories = new Map<string, PatternCategory>();
  const scenarios = new Map<string, PatternScenario>();
  const fileOf = new Map<string, string>();
  const treeParts: Parameters<typeof mergeDecisionTree>[0] = [];
  const gaps: GapRuleMap = new Map();
  const evidence: EvidenceRuleMap = new Map();
  let layers: PatternLayers | undefined;
  const unreadable: string[] = [];

  for (const directory of directories) {
    const unusable = await checkContentDirectory(directory);
    if (unusable) {
      problems.push(unusable.problem);
      if (unusable.kind === 'unreadable') unreadable.push(directory);
      continue;
    }
    try {
      await loadDirectory(directory);
    } catch (e) {
      if (!isFileSystemError(e)) throw e;
      problems.push(unreadableProblem(directory, e));
      unreadable.push(directory);
    }
  }

  async function loadDirectory(directory: string) {
    await mergeCategories(directory, categories, problems);
    await mergeScenarios(directory, scenarios, problems);
    await mergeGaps(directory, gaps, problems);
    await mergeEvidenceRules(directory, evidence, problems);
    const treeFile = path.join(directory, 'decision-tree.yaml');
    const treePart = await readCatalogFile(
      treeFile,
      decisionTreeFileSchema,
      problems,
    );
    if (treePart) treeParts.push({ file: treeFile, part: treePart });
    layers = mergeLayers(
      layers,
      await readCatalogFile(
        path.join(directory, 'layers.yaml'),
        layersFileSchema,
        problems,
      ),
    );
    const seenHere = new Map<string, string>();
    for (const file of await listPatternFiles(directory)) {
      const document = await readDocument(file, problems);
      if (!document) continue;
      const earlier = seenHere.get(document.id);
      if (earlier) {
        problems.push({
          file,
          message: `duplicate id "${document.id}", already defined in ${earlier}`,
        });
        continue;
      }
      seenHere.set(document.id, file);
      patterns.set(document.id, document);
      fileOf.set(document.id, file);
    }
  }

  checkAliases(patterns, fileOf, problems);
  for (const document of patterns.values()) {
    dropUnsafeReferences(document, fileOf.get(document.id)!, problems);
  }
  for (const document of [...patterns.values()]) {
    if (!categories.has(document.category)) {
      problems.push({
        file: fileOf.get(document.id)!,
        message: `unknown category "${document.category}" (known: ${[
          ...categories.keys(),
        ].join(', ')})`,
      });
      patterns.delete(document.id);
    }
  }
  for (const document of patterns.values()) {
    document.related = document.related.filter(link => {
      if (patterns.has(link.id)) return true;
      problems.push({
        file: fileOf.get(document.id)!,
        message: `related pattern "${link.id}" does not exist`,
      });
      return false;
    });
  }

  const decisionTree = mergeDecisionTree(
    treeParts,
    [...patterns.keys()],
    problems,
  );
  const content = {
    decisionTree,
    layers: layers && {
      layers: layers.layers.map(l => ({
        ...l,
        patterns: l.patterns.filter(id => patterns.has(id)),
      })),
      links: layers.links.filter(
        l => patterns.has(l.from) && patterns.has(l.to),
      ),
    },
    patterns: [...patterns.values()],
    categories: orderCategoryPatterns([...categories.values()], patterns),
    scenarios: [...scenarios.values()].map(s => ({
      ...s,
      patterns: s.patterns.filter(id => patterns.has(id)),
    })),
    gaps: resolveGapRules(gaps, new Set(patterns.keys()), problems),
    evidence: resolveEvidenceRules(
      evidence,
      new Set(patterns.keys()),
      problems,
    ),
    problems,
    unreadable,
  };
  // Guidance that contradicts the product's own rules is reported, not dropped.
  const guidanceFile = treeParts[treeParts.length - 1]?.file ?? directories[0];
  for (const message of checkGuidance({
    ...content,
    patternIds: [...patterns.keys()],
  })) {
    problems.push({ file: guidanceFile, message: `guidance: ${message}` });
  }
  return content;
}

async function readDocument(
  file: string,
  problems: ContentProblem[],
): Promise<PatternDocument | undefined> {
  try {
    return parsePatternDocument(await fs.readFile(file, 'utf8'), file);
  } catch (e) {
    problems.push({
      file,
      message:
        e instanceof ContentError
          ? e.message.slice(file.length + 2)
          : String(e),
    });
    return undefined;
  }
}

/**
 * A later directory's layers.yaml adds to the earlier graph: a layer with a
 * known id gains its patterns, a new layer is added below, links are added.
 */
function mergeLayers(
  earlier: PatternLayers | undefined,
  later: PatternLayers | undefined,
): PatternLayers | undefined {
  if (!later) return earlier;
  if (!earlier) return later;
  const layers = earlier.layers.map(layer => {
    const extra = later.layers.find(l => l.id === layer.id);
    return extra
      ? {
          ...layer,
          patterns: [...new Set([...layer.patterns, ...extra.patterns])],
        }
      : layer;
  });
  const added = later.layers.filter(
    l => !earlier.layers.some(e => e.id === l.id),
  );
  return {
    layers: [...layers, ...added],
    links: [...earlier.links, ...later.links],
  };
}

async function mergeCategories(
  directory: string,
  categories: Map<string, PatternCategory>,
  problems: ContentProblem[],
) {
  const file = path.join(directory, 'categories.yaml');
  const data = await readCatalogFile(file, categoriesFileSchema, problems);
  for (const category of data?.categories ?? []) {
    const earlier = categories.get(category.id);
    categories.set(category.id, {
      ...category,
      patterns: [
        ...new Set([...(earlier?.patterns ?? []), ...category.patterns]),
      ],
    });
  }
}

async function mergeScenarios(
  directory: string,
  scenarios: Map<string, PatternScenario>,
  problems: ContentProblem[],
) {
  const file = path.join(directory, 'scenarios.yaml');
  const data = await readCatalogFile(file, scenariosFileSchema, problems);
  for (const scenario of data?.scenarios ?? []) {
    scenarios.set(scenario.scenario.toLocaleLowerCase('en-US'), scenario);
  }
}

/** Listed ids first, in their order; then the category's other patterns by title. */
function orderCategoryPatterns(
  categories: PatternCategory[],
  patterns: Map<string, PatternDocument>,
): PatternCategory[] {
  return categories.map(category => {
    const listed = category.patterns.filter(
      id => patterns.get(id)?.category === category.id,
    );
    const others = [...patterns.values()]
      .filter(p => p.category === category.id && !listed.includes(p.id))
      .sort((a, b) => a.title.localeCompare(b.title))
      .map(p => p.id);
    return { ...category, patterns: [...listed, ...others] };
  });
}
