import { describe, expect, it } from 'vitest';
import { idsFor } from './ids.js';

// The pattern zod's z.uuid() accepts, which the API's routes validate ids with.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idsFor', () => {
  it('makes ids the API accepts, naming the seed, the record kind and the record', () => {
    const ids = idsFor(4_294_967_295);
    // Nine-digit codes too (some county-level units under a province have them).
    const made = [
      ids.plan('510104'),
      ids.form(29),
      ids.assignment('510104', 29, 19),
      ids.plan('460400100'),
      ids.assignment('460400100', 3, 7),
    ];
    for (const id of made) expect(id).toMatch(UUID);
    expect(made[2]).toBe('ffffffff-0003-801d-8013-510104000000');
    expect(
      new Set([ids.assignment('510104', 1, 2), ids.assignment('510104', 2, 1), idsFor(2).assignment('510104', 1, 2)])
        .size,
    ).toBe(3);
  });
});
