import { z } from 'zod';
import { patternIdSchema } from './patternId';

/** A layer of the guide's layer graph. */
export const patternLayerSchema = z
  .object({
    id: patternIdSchema,
    title: z.string().trim().min(1),
    patterns: z.array(patternIdSchema),
  })
  .strict();

/** `layers.yaml`: the layers top to bottom and the dotted links between patterns. */
export const layersFileSchema = z
  .object({
    layers: z.array(patternLayerSchema),
    links: z
      .array(z.object({ from: patternIdSchema, to: patternIdSchema }))
      .default([]),
  })
  .strict();

export type PatternLayer = z.infer<typeof patternLayerSchema>;
export type PatternLayers = z.infer<typeof layersFileSchema>;
