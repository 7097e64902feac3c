/**
 * The evidence-kind registry: one import per `kinds/<kind>/kind.ts`, sorted by folder, and the list
 * of them. Keep this file mechanical (it is meant to be generated from the folders): lookups and
 * derived views live in registry.ts.
 */
import { kind as conformance } from './conformance/kind.ts';
import { kind as designRecords } from './design-records/kind.ts';
import { kind as evaluation } from './evaluation/kind.ts';
import { kind as exchanges } from './exchanges/kind.ts';
import { kind as fixtures } from './fixtures/kind.ts';
import { kind as galleries } from './galleries/kind.ts';
import { kind as liveSmoke } from './live-smoke/kind.ts';
import { kind as scenes } from './scenes/kind.ts';
import { kind as selectionRecords } from './selection-records/kind.ts';

export const KINDS = [conformance, designRecords, evaluation, exchanges, fixtures, galleries, liveSmoke, scenes, selectionRecords] as const;
