/**
 * A written file (a run manifest, a workspace manifest) that failed validation when read back: the
 * file, then one `field: reason` line per problem, then how such files come to be. One shape, so
 * every manifest reader's refusal reads alike; each kind of file names itself and its hint.
 */
import type { Issue } from './errors.ts';
import { formatIssues } from './validation.ts';

export class InvalidFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly Issue[],
    /** What the file should have been (`run manifest`). */
    what: string,
    /** How such files are written (and that they are not edited by hand). */
    hint: string,
  ) {
    super(`${file}: invalid ${what}\n${formatIssues(problems)}\nhint: ${hint}`);
  }
}
