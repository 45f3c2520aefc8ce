import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_URL, publicDocsUrl } from '../rules/shared/docs.js';
import type { LintMessage, RuleMeta } from '../engine/types.js';
import type { Reporter, ReporterContext } from './types.js';
import { isError, relativePath, toPosix } from './util.js';
import { pick, t } from '../i18n/format.js';
import { REPORTER_TEXT } from './messages.js';

/**
 * SARIF 2.1.0 (OASIS), the log format GitHub code scanning, Azure DevOps and most SAST dashboards
 * import. One run; every rule that can appear is described in tool.driver.rules with its help
 * link and legal basis, and each result points at it by ruleIndex. Files are URIs relative to
 * %SRCROOT% (the working directory) when they lie below it. A file that could not be linted is not
 * a finding about the report: it is a tool execution notification, as ESLint's SARIF formatter
 * does it, and the invocation is marked unsuccessful.
 */
export const sarif: Reporter = (results, ctx) => {
  const rules = [...(ctx.rules?.values() ?? [])].map((r) => r.meta);
  const ruleIndex = new Map(rules.map((m, i) => [m.id, i]));
  const artifacts: object[] = [];
  const sarifResults: object[] = [];
  const notifications: object[] = [];

  for (const r of results) {
    const artifact = artifactLocation(r.filePath, ctx.cwd);
    const index = artifacts.push({ location: artifact }) - 1;
    const location = { ...artifact, index };
    for (const m of r.messages) {
      if (m.ruleId === null || m.fatal) {
        notifications.push({
          level: 'error',
          message: { text: m.message },
          locations: [{ physicalLocation: { artifactLocation: location } }],
        });
        continue;
      }
      const idx = ruleIndex.get(m.ruleId);
      sarifResults.push({
        ruleId: m.ruleId,
        ...(idx !== undefined ? { ruleIndex: idx } : {}),
        level: isError(m) ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(m) } }],
        ...(m.fix ? { fixes: [fixOf(m, location, ctx)] } : {}),
        ...(m.reportIndex || m.page !== undefined
          ? {
              properties: { ...(m.reportIndex ? { reportIndex: m.reportIndex } : {}), ...(m.page !== undefined ? { page: m.page, pageLine: m.pageLine } : {}) },
            }
          : {}),
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gia-lint',
            ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}),
            informationUri: PROJECT_URL,
            rules: rules.map((m) => ruleDescriptor(m, ctx)),
          },
        },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: dirUri(ctx.cwd) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function ruleDescriptor(m: RuleMeta, ctx: ReporterContext) {
  const description = pick(m.docs.description, ctx.locale);
  const basis = m.docs.legalBasis ? pick(m.docs.legalBasis, ctx.locale) : undefined;
  const helpText = basis ? t(REPORTER_TEXT, 'sarifHelp', ctx.locale, { description, basis }) : description;
  return {
    id: m.id,
    name: m.id,
    shortDescription: { text: description },
    help: { text: helpText },
    // Read on other machines (code scanning): a public URL, never a path on this one.
    helpUri: publicDocsUrl(m.docs.url, ctx.docsUrl),
    defaultConfiguration: { level: m.defaultSeverity === 'error' ? 'error' : 'warning' },
    properties: { tags: [m.type], ...(basis ? { legalBasis: basis } : {}) },
  };
}

function region(m: LintMessage) {
  const startLine = Math.max(1, m.line || 1);
  const startColumn = Math.max(1, m.column || 1);
  const out: Record<string, number> = { startLine, startColumn };
  if (m.endLine !== undefined && m.endColumn !== undefined && m.endLine >= startLine) {
    out.endLine = m.endLine;
    // SARIF's endColumn is exclusive, as ours is; an empty span stays an insertion point.
    out.endColumn = m.endLine === startLine ? Math.max(startColumn, m.endColumn) : Math.max(1, m.endColumn);
  }
  return out;
}

function fixOf(m: LintMessage, location: object, ctx: ReporterContext) {
  const [start, end] = m.fix!.range;
  return {
    description: { text: t(REPORTER_TEXT, 'sarifFix', ctx.locale) },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: m.fix!.text } }],
      },
    ],
  };
}

/** Below cwd: a relative, percent-encoded URI against %SRCROOT%; elsewhere an absolute file URI. */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (!path.isAbsolute(filePath)) return { uri: encodeURIComponent(filePath) }; // "<text>"
  const rel = relativePath(cwd, filePath);
  if (rel === filePath) return { uri: pathToFileURL(filePath).href };
  return { uri: toPosix(rel).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

const dirUri = (dir: string): string => {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
};
