/**
 * The planted-secret allow list: the only place where a source file may hold a secret-shaped
 * value. Test fixtures plant fake secrets on purpose (recorded exchanges that echo the replay key,
 * scene fixtures that must be refused for a signed URL); each such file is named here with the
 * exact number of lines per kind it holds. It is a ratchet: a file with more hits than allowed,
 * or fewer (lower the count), or an entry for a file that is gone, is a finding. Only fixtures/
 * can be allowed: a prose page never may.
 */
import { z } from 'zod';
import { repoPathSchema } from '../schema/primitives.ts';

/** Where the allow list lives (it is itself a fixture and is scanned like one). */
export const PLANTED_SECRETS_ALLOW_LIST = 'fixtures/redaction/allowed-secrets.json';

/** The folder whose files may be allowed. */
export const PLANTABLE_DIR = 'fixtures/';

const KIND_ID = /^[a-z][a-z-]*$/;

export const allowListSchema = () =>
  z.strictObject({
    schema: z.literal('worldforge.allowed-secrets@1'),
    description: z.string().min(1),
    allowed: z.array(
      z.strictObject({
        /** Repository-relative path of a fixture that plants fake secrets. */
        file: repoPathSchema().refine((path) => path.startsWith(PLANTABLE_DIR), {
          message: `only files under ${PLANTABLE_DIR} may plant secrets`,
        }),
        /** Lines per kind (a secret-scan kind such as `api-key`) the file holds, exactly. */
        kinds: z.record(z.string().regex(KIND_ID), z.int().positive()),
        /** Why the file plants them. */
        why: z.string().min(1),
      }),
    ),
  });
export type AllowList = z.infer<ReturnType<typeof allowListSchema>>;
export type Allowance = AllowList['allowed'][number];
