import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { PatternContentReader } from '../service/PatternContentReader';
import { PatternUsageService } from '../service/PatternUsageService';
import { EntityPatternReportService } from '../service/EntityPatternReportService';

export interface RouterOptions {
  patterns: PatternContentReader;
  usage: PatternUsageService;
  reports: EntityPatternReportService;
  httpAuth: HttpAuthService;
}

/** The REST API under /api/patterns. Auth is enforced by the httpRouter service. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { patterns, usage, reports, httpAuth } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/patterns', async (_req, res) => {
    res.json({ items: await patterns.listPatterns() });
  });

  router.get('/v1/patterns/:id', async (req, res) => {
    res.json(await patterns.getPattern(req.params.id));
  });

  router.get('/v1/categories', async (_req, res) => {
    res.json({ items: await patterns.listCategories() });
  });

  router.get('/v1/scenarios', async (_req, res) => {
    res.json({ items: await patterns.listScenarios() });
  });

  router.get('/v1/decision-tree', async (_req, res) => {
    res.json(await patterns.getDecisionTree());
  });

  router.get('/v1/graph', async (_req, res) => {
    res.json(await patterns.getGraph());
  });

  router.get('/v1/gaps', async (_req, res) => {
    res.json({ items: await patterns.listGaps() });
  });

  // Usage is read from the catalog as the caller, never as this plugin, so the
  // catalog's permission policy decides which entities each caller sees.
  router.get('/v1/patterns/:id/usage', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await usage.getUsage(req.params.id, credentials));
  });

  router.get('/v1/adoption', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await usage.getAdoption(credentials));
  });

  router.get('/v1/entities/:kind/:namespace/:name/patterns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(await reports.getReport({ kind, namespace, name }, credentials));
  });

  return router;
}
