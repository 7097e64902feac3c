/**
 * What an evidence kind is: ONE definition object per kind (`kinds/<kind>/kind.ts`) that says
 * everything the rest of WorldForge needs to know about it — its schema, its suite, how a claim ref
 * addresses its cases, which evidence classes it can back, its page on the site and its content
 * collection. Generators, the claims check, the site and the JSON Schema export loop over the
 * registry (`kinds/index.ts`) instead of naming kinds, so a new kind touches only its folder.
 *
 * Two origins: `generated` kinds are written by a suite into `evidence/<id>/`; `authored` kinds
 * (design and selection records, live-smoke entries) are written by people under `content/` and
 * only plug into refs, routes, classes and collections.
 *
 * Members that take a kind's own document are declared as methods on purpose: method parameters
 * are checked bivariantly, so a definition typed for its own document still fits the registry's
 * `AnyKind` view.
 */
import type { z } from 'zod';
import type { RecordResolver } from '../claims/refs.ts';
import type { EvidenceClass } from '../claims/schema.ts';
import type { RecordSet } from '../records/load.ts';
import type { CaseStatus } from '../schema/primitives.ts';

/** The identity every document of a generated kind carries: its folder and its schema name. */
export interface DocumentKind<Id extends string = string> {
  /** Folder under `evidence/`, first segment of its refs (`<id>/<subject>`) and of its subject ids. */
  id: Id;
  /** `worldforge.evidence.<name>@<version>`, stamped into every envelope. */
  schemaName: string;
}

/** A content collection the site reads a kind from (`getCollection(name)`), validated with `schema`. */
export interface KindCollection<Name extends string = string, Schema extends z.ZodType = z.ZodType> {
  /** Collection name used by pages; kept stable because pages and `CollectionEntry<…>` name it. */
  name: Name;
  /** Folder the loader reads, relative to the project root. */
  base: string;
  /** Glob of the entries inside `base`. */
  pattern: string;
  /** Schema every entry is validated with (the same one the check uses). */
  schema: () => Schema;
}

/** What a ref needs from a kind, whatever its origin. */
interface RefParts<Id extends string> {
  id: Id;
  /** Evidence classes (`checkout-tested`, …) whose claims this kind can back. */
  classes: readonly EvidenceClass[];
  /** The site page a ref `<id>/<subject>[#<fragment>]` links to, or null when the kind has no page. */
  route(subject: string, fragment: string | null): string | null;
}

/** A case a ref fragment can select: the fragments that address it, and its outcome. */
export interface RefCase {
  /** Every fragment that selects this case: its own id first, then broader keys (e.g. its capability). */
  keys: readonly (string | undefined)[];
  status: CaseStatus;
  /**
   * The case shows that something is refused (an unadvertised capability failing closed, a recorded
   * upstream failure), not that it works. A broader key (a capability) asks whether the capability
   * works, which a refusal cannot show: when it selects only refusals the ref backs nothing. Only
   * the case's own id (`keys[0]`) cites the refusal itself.
   */
  refusal?: boolean;
}

/** One evidence file a suite produces: `evidence/<kind>/<name>.json`. */
export interface SuiteSubject {
  /** File name without `.json`; the subject id is `<kind>/<name>`. */
  name: string;
  /** Runs the suite for this subject and returns its document (validated before anything is written). */
  build: () => Promise<unknown>;
  /** Extra renderings of the document (e.g. Markdown), as `[path under evidence/, content]`. */
  exports?: (document: unknown) => [string, string][];
}

/** Where the site renders a document, for links from gallery cases to their source evidence. */
export interface SitePage<Doc> {
  /** Page that renders the document. */
  path(doc: Doc): string;
  /** Case ids that are anchors on that page (none: links go to the page's `#cases` table). */
  anchors(doc: Doc): readonly string[];
  /** Page holding one of those anchors, for a document split over several pages (default: `path(doc)`). */
  anchorPage?(doc: Doc, anchor: string): string;
  /**
   * Every page the document is rendered on, in order, when it is split over several (default: the
   * one page `path(doc)`); the first is `path(doc)`. The sidebar lists each, so every page has its
   * place in the navigation.
   */
  pages?(doc: Doc): readonly { path: string; label: string }[];
}

export interface EvidenceKindDefinition<Id extends string = string, Schema extends z.ZodType = z.ZodType>
  extends DocumentKind<Id>,
    RefParts<Id> {
  origin: 'generated';
  /** Builds the document schema (envelope + typed body). */
  schema: () => Schema;
  /** The suite's subjects, loaded lazily so that the site never loads suite code. */
  subjects: () => Promise<readonly SuiteSubject[]>;
  /** The cases of a document that ref fragments address. */
  refCases(doc: z.output<Schema>): readonly RefCase[];
  /** The site collection: `evidence/<id>/*.json`, named `<id>`. */
  collection: KindCollection<Id, Schema>;
  /** Set when a page renders each document (gallery cases then link to it). */
  sitePage: SitePage<z.output<Schema>> | null;
}

/** What an authored kind's resolver may read. */
export interface ResolverContext {
  /** Repository root. */
  root: string;
  /** Selection and design records, loaded once. */
  records: RecordSet;
}

export interface AuthoredKindDefinition<Id extends string = string, Name extends string = string, Schema extends z.ZodType = z.ZodType>
  extends RefParts<Id> {
  origin: 'authored';
  /** Builds the resolver of this kind's refs. */
  resolver: (context: ResolverContext) => RecordResolver;
  /** The site collection of the authored entries. */
  collection: KindCollection<Name, Schema>;
}

/** Any kind, as the registry holds them. */
export type AnyKind = EvidenceKindDefinition | AuthoredKindDefinition;

type EvidenceKindInput<Id extends string, Schema extends z.ZodType> = Omit<
  EvidenceKindDefinition<Id, Schema>,
  'origin' | 'collection' | 'sitePage'
> &
  Partial<Pick<EvidenceKindDefinition<Id, Schema>, 'sitePage'>>;

/** Defines a generated kind; its collection (`evidence/<id>/*.json`, named `<id>`) follows from its id. */
export function defineEvidenceKind<const Id extends string, Schema extends z.ZodType>(
  definition: EvidenceKindInput<Id, Schema>,
): EvidenceKindDefinition<Id, Schema> {
  return {
    ...definition,
    origin: 'generated',
    sitePage: definition.sitePage ?? null,
    collection: { name: definition.id, base: './evidence', pattern: `${definition.id}/*.json`, schema: definition.schema },
  };
}

/** Defines an authored kind (records and registries under `content/`). */
export function defineAuthoredKind<const Id extends string, const Name extends string, Schema extends z.ZodType>(
  definition: Omit<AuthoredKindDefinition<Id, Name, Schema>, 'origin'>,
): AuthoredKindDefinition<Id, Name, Schema> {
  return { ...definition, origin: 'authored' };
}
