import { z } from 'zod';

export const categoriesFileSchema = z.object({
  categories: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      title: z.string().min(1),
      focus: z.string().default(''),
      description: z.string().default(''),
      patterns: z.array(z.string()).default([]),
    }),
  ),
});

export const scenariosFileSchema = z.object({
  scenarios: z.array(
    z.object({
      scenario: z.string().min(1),
      patterns: z.array(z.string()).min(1),
    }),
  ),
});
