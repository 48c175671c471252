import { z } from 'zod';

export const layersFileSchema = z.object({
  layers: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      patterns: z.array(z.string()),
    }),
  ),
  links: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
});
