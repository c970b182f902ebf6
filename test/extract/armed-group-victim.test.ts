/**
 * A victim told as a member of a gang or a drug trafficker was a party to a fight between armed groups: ACLED codes
 * the killing as an armed clash between two (unidentified) armed groups, not as violence against civilians. Gang
 * members as the perpetrators, or a victim with an ordinary criminal record, leave an attack. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('victims in armed groups', () => {
  it('"the victim had charges for drug trafficking" in the next sentence makes an armed clash', () => {
    const e = top(
      code(
        'On Monday, a man was shot dead by armed men in Belem. The victim had charges against him for drug trafficking.',
      ),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
    expect([e?.actor1?.category, e?.actor2?.category]).toEqual(['Political militia', 'Political militia']);
  });

  it('"an alleged drug dealer was shot dead" is an armed clash', () => {
    const e = top(code('On Monday, an alleged drug dealer was shot dead by gunmen in Culiacan.'));
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('"a PCC member was stabbed" is an armed clash', () => {
    const e = top(code('On Monday, a PCC member was stabbed by an armed man in Santos.'));
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('gang members as the perpetrators leave an attack on civilians', () => {
    const e = top(code('On Monday, two men were shot dead by gang members in the San Miguel neighbourhood.'));
    expect(e?.sub_event_type).toBe('Attack');
  });

  it('a victim with a record for robbery stays a civilian victim', () => {
    const e = top(
      code('On Monday, a man was shot dead by armed men in Fortaleza. The victim had charges against him for robbery.'),
    );
    expect(e?.sub_event_type).toBe('Attack');
  });
});
