/**
 * Weapons seized after an exchange of fire are the fight's outcome: "exchanged gunshots with the police, who
 * arrested three and seized two rifles" is an armed clash, not disrupted weapons use; a seizure alone stays one.
 * Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('a fight and a seizure', () => {
  it('"exchanged gunshots with the police" and seized rifles is an armed clash', () => {
    const e = top(
      code(
        'On Monday, Maoist cadres exchanged gunshots with police in Dantewada before the police arrested three of them and seized two rifles.',
      ),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('rifles seized in a raid with no fight stay disrupted weapons use', () => {
    const e = top(code('On Monday, police seized two rifles and a cache of ammunition in a raid in Dantewada.'));
    expect(e?.sub_event_type).toBe('Disrupted weapons use');
  });
});
