/**
 * The contract check adapter authors run from their own project: the conformance suite's cases
 * (advertised capabilities return schema-valid results and reject invalid requests with
 * `invalid_input`; everything else fails closed) over any provider instance, plus its profile.
 */
import type { ConformanceCase } from '../kinds/conformance/schema.ts';
import { conformanceCases } from '../kinds/conformance/suite.ts';
import type { Provider } from '../providers/base.ts';
import { providerProfileSchema } from '../providers/profile.ts';
import { formatIssues, zodIssues } from '../validation.ts';

export interface ContractReport {
  provider: string;
  /** Profile valid and every case passed. */
  ok: boolean;
  /** Problems of the profile, empty when it is valid. */
  profile_problems: string;
  cases: ConformanceCase[];
}

export async function checkProviderContract(provider: Provider): Promise<ContractReport> {
  const profile = providerProfileSchema().safeParse(provider.profile);
  const cases = await conformanceCases(provider);
  return {
    provider: provider.name,
    ok: profile.success && cases.every((c) => c.status === 'passed'),
    profile_problems: profile.success ? '' : formatIssues(zodIssues(profile.error, provider.profile)),
    cases,
  };
}
