import { Problem } from './common';

/** Documents (and serialises) the problem+json body of every error answer. */
export const problemResponses = { '4xx': Problem, '5xx': Problem };
