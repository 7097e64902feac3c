/**
 * Views of the kind registry (`kinds/index.ts`) that the rest of WorldForge loops over: generated
 * kinds keyed by folder, authored kinds, lookups by ref kind and by evidence class.
 */
import type { EvidenceClass } from '../claims/schema.ts';
import type { AnyKind, AuthoredKindDefinition, EvidenceKindDefinition } from './define.ts';
import { KINDS } from './index.ts';

/** Every registered kind, as its precise type. */
export type RegisteredKind = (typeof KINDS)[number];
/** The generated kinds (documents under evidence/), as their precise types. */
export type GeneratedKind = Extract<RegisteredKind, { origin: 'generated' }>;
/** Generated kinds keyed by their folder under `evidence/`. */
export type GeneratedKindsById = { [K in GeneratedKind as K['id']]: K };

/** Every kind in registry order, as the registry's common view. */
export const ALL_KINDS: readonly AnyKind[] = KINDS;

const isGenerated = (kind: AnyKind): kind is EvidenceKindDefinition => kind.origin === 'generated';
const isAuthored = (kind: AnyKind): kind is AuthoredKindDefinition => kind.origin === 'authored';

/** The generated kinds, in registry order. */
export const GENERATED_KIND_LIST: readonly EvidenceKindDefinition[] = ALL_KINDS.filter(isGenerated);

/** The authored kinds (records and registries under content/), in registry order. */
export const AUTHORED_KINDS: readonly AuthoredKindDefinition[] = ALL_KINDS.filter(isAuthored);

/**
 * The generated kinds keyed by folder: what `EVIDENCE_KINDS` in src/worldforge/evidence is. A
 * null-prototype object, so `'constructor' in GENERATED_KINDS` is false as it should be.
 */
export const GENERATED_KINDS = Object.assign(
  Object.create(null),
  Object.fromEntries(GENERATED_KIND_LIST.map((kind) => [kind.id, kind])),
) as GeneratedKindsById;

/** The kind a ref names (`<kind>/<subject>`), or null when no kind has that id. */
export const kindById = (id: string): AnyKind | null => ALL_KINDS.find((kind) => kind.id === id) ?? null;

/** The generated kind with this folder, or null. */
export const generatedKindById = (id: string): EvidenceKindDefinition | null => GENERATED_KIND_LIST.find((kind) => kind.id === id) ?? null;

/** Kinds whose evidence can back a claim of `cls`, in registry order. */
export const kindsBacking = (cls: EvidenceClass): string[] => ALL_KINDS.filter((kind) => kind.classes.includes(cls)).map((kind) => kind.id);
