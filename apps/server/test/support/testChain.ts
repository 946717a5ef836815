import { keyedLogChain } from '../../src/audit/chain.ts';

/** The innsynslogg chain of tests that open storage themselves, with an invented key. */
export const accessLogChain = keyedLogChain('en-oppdiktet-nokkel-bare-for-tester-0123456789');
