import { UrlReaderService } from '@backstage/backend-plugin-api';
import { EvidenceWarning } from '@system-design/backstage-plugin-patterns-common';
import { CompiledEvidenceRules, FileFacts, Finding } from './compileRules';
import { ECOSYSTEM_OF_FILE, EvidenceFileKind } from './evidenceFiles';
import { parseGoMod } from './parsers/goMod';
import { parseGradleBuild, parseGradleVersionCatalog } from './parsers/gradle';
import { isTemplated, parseManifestDocuments } from './parsers/manifests';
import { parsePomXml } from './parsers/maven';
import { parsePackageJson } from './parsers/npm';
import { parseMsBuildProject, parsePackagesConfig } from './parsers/nuget';
import {
  parsePipfile,
  parsePyprojectToml,
  parseRequirementsTxt,
} from './parsers/pypi';
import { Dependency, MalformedFileError, shortReason } from './parsers/types';
import {
  EvidenceSourceFile,
  readSourceTree,
  SourceTreeLimits,
} from './readSourceTree';

const DEPENDENCY_PARSERS: Partial<
  Record<EvidenceFileKind, (text: string) => Dependency[]>
> = {
  'package.json': parsePackageJson,
  'pom.xml': parsePomXml,
  gradle: parseGradleBuild,
  'gradle-version-catalog': parseGradleVersionCatalog,
  'go.mod': parseGoMod,
  'msbuild-project': parseMsBuildProject,
  'packages.config': parsePackagesConfig,
  'requirements.txt': parseRequirementsTxt,
  'pyproject.toml': parsePyprojectToml,
  Pipfile: parsePipfile,
};

/**
 * The facts of one file, or a warning when it is malformed. A templated
 * YAML file (Helm) is skipped without a warning.
 */
export function parseEvidenceFile(file: EvidenceSourceFile): {
  facts?: FileFacts;
  warning?: EvidenceWarning;
} {
  const malformed = (reason: string): { warning: EvidenceWarning } => ({
    warning: {
      kind: 'malformed',
      file: file.path,
      message: `${file.path} could not be read as ${
        file.kind === 'manifest' ? 'a manifest' : file.kind
      }: ${reason}`,
    },
  });
  try {
    if (file.kind === 'manifest') {
      const isJson = file.path.endsWith('.json');
      if (!isJson && isTemplated(file.text)) return {};
      const { documents, problem } = parseManifestDocuments(file.text, isJson);
      return {
        facts: { path: file.path, documents },
        ...(problem ? malformed(problem) : {}),
      };
    }
    const dependencies = DEPENDENCY_PARSERS[file.kind]!(file.text);
    return {
      facts: {
        path: file.path,
        ecosystem: ECOSYSTEM_OF_FILE[file.kind]!,
        dependencies,
      },
    };
  } catch (e) {
    if (e instanceof MalformedFileError) return malformed(e.message);
    return malformed(shortReason(e));
  }
}

export interface SourceTreeEvidence {
  etag: string;
  findings: Finding[];
  warnings: EvidenceWarning[];
  /** The files read, relative to the source location. */
  filesRead: string[];
}

/**
 * Reads the source tree at `url` within the limits, parses the files the
 * rules need and matches them. Throws what the reader throws (including
 * NotModifiedError for an unchanged tree when `etag` is given).
 */
export async function scanSourceTree(
  reader: UrlReaderService,
  url: string,
  rules: CompiledEvidenceRules,
  options: { etag?: string; limits: SourceTreeLimits },
): Promise<SourceTreeEvidence> {
  const tree = await readSourceTree(reader, url, {
    etag: options.etag,
    needs: rules.needs,
    limits: options.limits,
  });
  const findings: Finding[] = [];
  const warnings = [...tree.warnings];
  for (const file of tree.files) {
    const { facts, warning } = parseEvidenceFile(file);
    if (warning) warnings.push(warning);
    if (facts) findings.push(...rules.matchFile(facts));
  }
  return {
    etag: tree.etag,
    findings,
    warnings,
    filesRead: tree.files.map(f => f.path),
  };
}
