/** runtime-manifest-stub: a scaffold's runtime manifest stub stays marked incomplete and is never cited or relied on as evidence. */
import { runtimeManifestStubSchema, runtimeStubPath, stubId, stubProviderOf } from '../../scaffold/layout.ts';
import { formatIssues, zodIssues } from '../../validation.ts';
import { defineRule } from '../define-rule.ts';
import { parseJson } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'runtime-manifest-stub',
  title: 'A runtime manifest stub is never evidence',
  why: '`npx worldforge scaffold provider` writes `content/scaffolds/<name>/runtime-manifest.stub.json` so an author sees which runtime facts are still unknown. It is marked `incomplete: true` and carries the id `<name>:stub`, which no run manifest may cite. A stub that loses its marker, a live-smoke entry or evidence file citing it, or a catalog provider promoted past scaffold while its stub remains would let placeholder facts pass as a runtime manifest.',
  fix: 'Write the real `RuntimeManifest` in the provider module (list it in its catalog entry) and delete the stub; never edit a stub into a manifest.',
  scope: ['content', 'profiles', 'evidence'],
  check: ({ content, profiles, evidence }): FindingDraft[] => {
    const findings: FindingDraft[] = [];
    const stubs = [...content.keys()].flatMap((file) => {
      const name = stubProviderOf(file);
      return name ? [{ file, name }] : [];
    });
    for (const { file, name } of stubs) {
      const json = parseJson(content.get(file)!);
      const parsed = json.ok ? runtimeManifestStubSchema().safeParse(json.value) : null;
      if (!parsed?.success) {
        const found = json.ok && parsed && !parsed.success ? formatIssues(zodIssues(parsed.error, json.value)) : 'not valid JSON';
        findings.push({ file, id: name, expected: 'a stub marked "incomplete": true with id <name>:stub', found });
        continue;
      }
      if (parsed.data.provider !== name || parsed.data.id !== stubId(name)) {
        findings.push({
          file,
          id: name,
          expected: `provider ${name}, id ${stubId(name)}`,
          found: `provider ${parsed.data.provider}, id ${parsed.data.id}`,
        });
      }
      const profile = profiles.find((p) => p.name === name);
      if (profile && (profile.maturity !== 'scaffold' || profile.capabilities.length)) {
        findings.push({
          file,
          id: name,
          expected: 'no incomplete stub for a provider promoted past scaffold',
          found: `catalog provider ${name} is ${profile.maturity} advertising [${profile.capabilities.join(', ')}] while its runtime manifest is a stub`,
        });
      }
    }
    const cited = (text: string) => stubs.filter(({ name }) => text.includes(`"${stubId(name)}"`) || text.includes(runtimeStubPath(name)));
    const scaffoldOwn = (file: string) => file.startsWith('content/scaffolds/');
    const sources: [string, string][] = [
      ...[...content].filter(([file]) => !scaffoldOwn(file)),
      ...[...evidence.committed].map(([file, text]): [string, string] => [`evidence/${file}`, text]),
    ];
    for (const [file, text] of sources) {
      for (const { name } of cited(text)) {
        findings.push({
          file,
          id: name,
          expected: 'no citation of an incomplete runtime manifest stub',
          found: `cites ${stubId(name)} (${runtimeStubPath(name)})`,
        });
      }
    }
    return findings;
  },
});
