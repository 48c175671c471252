import express from 'express';
import Router from 'express-promise-router';
import { PatternCatalog } from '../service/PatternCatalog';

export interface RouterOptions {
  patterns: PatternCatalog;
}

/** The REST API under /api/patterns. Auth is enforced by the httpRouter service. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { patterns } = options;
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

  return router;
}
