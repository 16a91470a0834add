// Validation of an instrument definition (zod), apart from instruments.ts so the web can use the instrument lists
// and moment rules without loading zod on its first pages.
import { z } from 'zod';
import { DOMAINS, MOMENT_PATTERN, SCORE_KINDS } from './instruments';
import { LEVEL_SCALES } from './scales';

/** Validation of an instrument as a school edits it (the server adds id, active and version). */
export const instrumentDefSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().trim().min(2).max(120),
  domain: z.enum(DOMAINS),
  supplier: z.string().trim().max(80),
  sector: z.enum(['po', 'vo']),
  moments: z
    .array(z.string().regex(MOMENT_PATTERN))
    .min(1)
    .max(40)
    .refine((m) => new Set(m).size === m.length, 'duplicate moment'),
  scoreKinds: z
    .array(z.enum(SCORE_KINDS))
    .min(1)
    .refine((k) => new Set(k).size === k.length, 'duplicate score kind'),
  levelScale: z.enum(LEVEL_SCALES).nullable(),
});
