/**
 * Where the site's sources live, for the header's source-repository link and the docs pages'
 * "Edit page" links. Both come from the environment, so the same checkout builds a site for any
 * fork or host: `WORLDFORGE_REPO_URL` (e.g. `https://github.com/owner/worldforge`) and, when edits
 * go elsewhere than `<repo>/edit/main/`, `WORLDFORGE_EDIT_URL` (the prefix a repository-relative
 * path such as `src/content/docs/architecture.md` is appended to). Unset: no such links.
 */

const fromEnv = (name: string) => {
  const value = process.env[name]?.trim();
  if (!value) return undefined;
  if (!/^https?:\/\/[^/\s]+/.test(value)) throw new Error(`${name}: '${value}' is not an http(s) URL`);
  return value;
};

/** The source repository's web page, or undefined when not configured. */
export const repositoryUrl = (): string | undefined => fromEnv('WORLDFORGE_REPO_URL')?.replace(/\/+$/, '');

/** Prefix of edit links (ends with `/`), or undefined when neither variable is set. */
export function editUrlBase(): string | undefined {
  const explicit = fromEnv('WORLDFORGE_EDIT_URL');
  if (explicit) return explicit.endsWith('/') ? explicit : `${explicit}/`;
  const repo = repositoryUrl();
  return repo ? `${repo}/edit/main/` : undefined;
}
