/**
 * A generic word for a unit on the move ("a patrol", "a convoy", "a column") followed by "by"/"of" and a named force
 * belongs to that force: the named force is the actor, not the event country's army the bare word would default to.
 * Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder({ languageIdentifier: null });

describe('units and their owners', () => {
  it('"a joint patrol by Turkish and Russian forces" in Syria is foreign forces, not the Syrian army', () => {
    const e = top(
      code(
        'Movement of forces: On 3 June 2021, a joint patrol by Turkish and Russian forces took place near Tal Abyad in Raqqa countryside.',
        null,
      ),
    );
    expect(e?.actor1?.name).not.toBe('Military Forces of Syria');
    expect(e?.actor1?.category).toBe('External/Other forces');
  });

  it('"a convoy of the Turkish army" entering Idlib is the Turkish army', () => {
    const e = top(
      code(
        'Movement of forces: On 3 June 2021, a convoy of the Turkish army arrived at a base near Saraqib in Idlib countryside.',
        null,
      ),
    );
    expect(e?.actor1?.name).toBe('Military Forces of Turkey');
  });
});
