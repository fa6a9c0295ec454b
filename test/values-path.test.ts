// Values paths: the dotted form users see, and collision-free keys for the location map.
import { describe, expect, it } from 'vitest';
import { formatPath, parsePath, pathKey } from '../src/values-path.js';

describe('values paths', () => {
  it('keys never collide, whatever the keys contain', () => {
    const paths = [['a.b'], ['a', 'b'], [0], ['0'], ['a#1'], ['a', 1], ['a\\', 'b'], ['a\\.b'], ['a', '.b']];
    expect(new Set(paths.map(pathKey)).size).toBe(paths.length);
  });
  it('formats and parses the dotted form users see', () => {
    const path = ['astronomer', 'houston', 'secret', 0, 'envName'];
    expect(formatPath(path)).toBe('astronomer.houston.secret[0].envName');
    expect(parsePath(formatPath(path))).toEqual(path);
    const odd = ['annotations', 'kubernetes.io/ingress.class', 'x'];
    expect(formatPath(odd)).toBe('annotations["kubernetes.io/ingress.class"].x');
    expect(parsePath(formatPath(odd))).toEqual(odd);
  });
});
