import { z } from 'zod';

const nodeId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** decision-tree.yaml; a later directory may give only the parts it changes. */
export const decisionTreeFileSchema = z.object({
  start: z.object({ text: z.string().min(1), next: nodeId }).optional(),
  questions: z
    .record(
      nodeId,
      z.object({
        text: z.string().min(1),
        answers: z.array(z.object({ label: z.string().min(1), next: nodeId })),
      }),
    )
    .default({}),
  outcomes: z
    .record(
      nodeId,
      z.object({ patterns: z.array(z.string()).min(1), why: z.string().min(1) }),
    )
    .default({}),
});
