/**
 * Local world persistence: one JSON file per world under a state dir, written atomically (temp
 * file + rename) after validation. Malformed persisted state — not JSON, a broken field, an id that
 * does not match its file name — is a typed `WorldStateError` naming file, field and reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import { canonicalJson } from '../digest.ts';
import { type Problem, ProblemError } from '../problem.ts';
import { zodIssues } from '../validation.ts';
import { DEFAULT_STATE_DIR, WORLD_ID_PATTERN, type World, worldSchema } from './schema.ts';
import { jsonFailure, strictJsonValue } from '../strict-json.ts';

/** Persisted world state (or a world id) is unusable; nothing was written. */
export class WorldStateError extends ProblemError {
  constructor(problems: readonly Problem[], summary = 'Invalid world state') {
    super(problems, summary);
    this.name = 'WorldStateError';
  }
}

export class WorldStore {
  constructor(readonly stateDir: string = DEFAULT_STATE_DIR) {}

  /** The file of a world; refuses ids that are not file-safe. */
  pathOf(id: string): string {
    if (!WORLD_ID_PATTERN.test(id)) {
      throw new WorldStateError(
        [
          {
            file: this.stateDir,
            field: 'id',
            reason: `'${id.slice(0, 80)}' is not a file-safe world id`,
            hint: 'use lower-case letters, digits, - or _',
          },
        ],
        'Invalid world id',
      );
    }
    return join(this.stateDir, `${id}.json`);
  }

  exists(id: string): boolean {
    return existsSync(this.pathOf(id));
  }

  /** Validates, then writes atomically. */
  save(world: World): void {
    const path = this.pathOf(world.id);
    const parsed = worldSchema().safeParse(world);
    if (!parsed.success) {
      throw new WorldStateError(zodIssues(parsed.error, world).map((i) => ({ file: path, field: i.path, reason: i.message })));
    }
    writeFileAtomic(path, canonicalJson(parsed.data));
  }

  /** Creates a world; refuses to overwrite one. */
  create(world: World): void {
    if (this.exists(world.id)) {
      throw new WorldStateError(
        [{ file: this.pathOf(world.id), field: 'id', reason: `world '${world.id}' already exists` }],
        'World exists',
      );
    }
    this.save(world);
  }

  load(id: string): World {
    const path = this.pathOf(id);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new WorldStateError(
        [{ file: path, field: '(file)', reason: `no world '${id}' in ${this.stateDir}`, hint: 'run `npx worldforge world list`' }],
        'Unknown world',
      );
    }
    let json: unknown;
    try {
      json = strictJsonValue(text, path);
    } catch (error) {
      throw new WorldStateError([{ file: path, field: '(root)', reason: jsonFailure(error) }], 'Corrupted world state');
    }
    const parsed = worldSchema().safeParse(json);
    if (!parsed.success) {
      throw new WorldStateError(
        zodIssues(parsed.error, json).map((i) => ({ file: path, field: i.path, reason: i.message })),
        'Corrupted world state',
      );
    }
    if (parsed.data.id !== id) {
      throw new WorldStateError(
        [{ file: path, field: 'id', reason: `file holds world '${parsed.data.id}', expected '${id}'` }],
        'Corrupted world state',
      );
    }
    return parsed.data;
  }

  /** Ids of the stored worlds, sorted (files that are not world files are ignored). */
  list(): string[] {
    if (!existsSync(this.stateDir)) return [];
    return readdirSync(this.stateDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .filter((id) => WORLD_ID_PATTERN.test(id))
      .sort();
  }
}
