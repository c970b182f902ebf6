/**
 * Who set a bomb: an IED that hit a named force, with the perpetrator named only in a claim or an attribution in
 * the same clause or the next sentence ("The device was likely planted by JNIM militants", "Al-Shabaab claimed
 * responsibility"), is that group's; without one it stays an unidentified armed group's. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('the setter of a bomb', () => {
  it('"The device was likely planted by JNIM militants" names the perpetrator', () => {
    const e = top(
      code(
        'On Monday, an IED exploded near an army convoy outside Djibo, wounding four soldiers. The device was likely planted by JNIM militants.',
      ),
    );
    expect(e?.sub_event_type).toBe('Remote explosive/landmine/IED');
    expect(e?.actor1?.category).toBe('Rebel group');
    expect(e?.actor2?.category).toBe('State forces');
  });

  it('without a claim the setter stays unidentified', () => {
    const e = top(code('On Monday, an IED exploded near an army convoy outside Djibo, wounding four soldiers.'));
    expect(e?.actor1?.name).toMatch(/^Unidentified/);
  });
});
