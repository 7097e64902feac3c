/**
 * The roadmap as data: streams of items (`content/roadmap.yaml`), each item with its status and
 * the claims and evidence or record refs that settle it. The `/roadmap/` page renders it and the
 * check rule `roadmap-links` verifies it, so a roadmap entry can only point at claims that exist
 * and refs that resolve, and "done" needs something that shows it.
 */
import { z } from 'zod';
import { type DataProblem, parseYaml } from '../claims/load.ts';
import { CLAIM_ID_PATTERN, CLAIM_REF_PATTERN } from '../claims/schema.ts';

export const ROADMAP_FILE = 'content/roadmap.yaml';

/** Where an item stands: settled (done), partly built, not started, or decided against for now. */
export const ROADMAP_STATUSES = ['done', 'partial', 'open', 'deferred'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const roadmapItemSchema = () =>
  z
    .strictObject({
      /** Stable slug: the item's anchor on /roadmap/. */
      id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'lower-case letters, digits and dashes' }),
      /** Upstream roadmap codes the item covers (e.g. `WF-A2`), when it has any. */
      codes: z.array(z.string().regex(/^WF-[A-Z][0-9]+$/, { message: 'like WF-A2' })).default([]),
      title: z.string().min(3),
      status: z.enum(ROADMAP_STATUSES),
      /** What the item delivers, or why it is deferred; `code` spans allowed. */
      summary: z.string().min(10),
      /** The GitHub issue that builds it, if any. */
      issue: z.int().positive().optional(),
      /** Claim ids that settle (or will settle) the item. */
      claims: z.array(z.string().regex(CLAIM_ID_PATTERN)).default([]),
      /** Evidence or record refs (`conformance/mock#generate`, `design-records/genie`). */
      refs: z.array(z.string().regex(CLAIM_REF_PATTERN, { message: 'must look like <kind>/<subject>[#<fragment>]' })).default([]),
      /** Deferred: what blocks it and what would reopen it. */
      blocker: z.string().min(10).optional(),
      revisit_trigger: z.string().min(10).optional(),
    })
    .superRefine((item, ctx) => {
      if (item.status === 'done' && item.claims.length === 0 && item.refs.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['refs'], message: 'a done item cites the claims or refs that show it' });
      }
      if (item.status === 'deferred' && (!item.blocker || !item.revisit_trigger)) {
        ctx.addIssue({ code: 'custom', path: ['blocker'], message: 'a deferred item states a blocker and a revisit trigger' });
      }
    });
export type RoadmapItem = z.infer<ReturnType<typeof roadmapItemSchema>>;

export const roadmapSchema = () =>
  z
    .strictObject({
      streams: z
        .array(
          z.strictObject({
            /** One letter, as in the upstream codes (`A` for `WF-A2`). */
            id: z.string().regex(/^[A-Z]$/),
            title: z.string().min(3),
            summary: z.string().min(10),
            items: z.array(roadmapItemSchema()).min(1),
          }),
        )
        .min(1),
    })
    .superRefine((roadmap, ctx) => {
      const seen = new Set<string>();
      for (const [s, stream] of roadmap.streams.entries()) {
        for (const [i, item] of stream.items.entries()) {
          if (seen.has(item.id))
            ctx.addIssue({ code: 'custom', path: ['streams', s, 'items', i, 'id'], message: `duplicate item id '${item.id}'` });
          seen.add(item.id);
          for (const code of item.codes)
            if (!code.startsWith(`WF-${stream.id}`))
              ctx.addIssue({ code: 'custom', path: ['streams', s, 'items', i, 'codes'], message: `${code} is not in stream ${stream.id}` });
        }
      }
    });
export type Roadmap = z.infer<ReturnType<typeof roadmapSchema>>;

export interface ParsedRoadmap {
  roadmap: Roadmap | null;
  problems: DataProblem[];
  /** Line of an item, or of a node inside it (`'refs', 0`), in the file. */
  lineOf: (stream: number, item: number, ...path: (string | number)[]) => number;
}

/** Parses the roadmap file's YAML text against the schema, with line numbers for problems. */
export function parseRoadmap(text: string, file = ROADMAP_FILE): ParsedRoadmap {
  const parsed = parseYaml(file, text, roadmapSchema());
  return {
    roadmap: parsed.value,
    problems: parsed.problems,
    lineOf: (stream, item, ...path) => parsed.lineOf(['streams', stream, 'items', item, ...path]),
  };
}
