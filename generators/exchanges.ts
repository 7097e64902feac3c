/**
 * Compatibility path: the exchange suite moved to src/worldforge/kinds/exchanges/suite.ts. Remove
 * once tests import `replayExchange` from there.
 */
export { replayExchange } from '../src/worldforge/kinds/exchanges/suite.ts';
