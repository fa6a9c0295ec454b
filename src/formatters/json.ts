// ESLint's JSON format: the results array, without the source text (as ESLint omits it when unchanged).
import type { Formatter } from './types.js';

const json: Formatter = (results) =>
  JSON.stringify(
    results.map(({ source: _source, ...rest }) => rest),
  );

export default json;
