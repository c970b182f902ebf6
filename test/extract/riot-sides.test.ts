/**
 * The two sides of a riot: two crowds that clash with each other are rioters against rioters; a government or a
 * governor a crowd's demand is addressed to is no force that answered it, while police dispersing the crowd in the
 * next sentence are. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();
const cats = (e: ReturnType<typeof top>) => [e?.actor1?.category, e?.actor2?.category];

describe('the sides of a riot', () => {
  it('"two mobs clashed with each other" is rioters against rioters', () => {
    const e = top(code('On Monday, two mobs clashed with each other over a land dispute in Sitapur.'));
    expect(e?.sub_event_type).toBe('Mob violence');
    expect(cats(e)).toEqual(['Rioters', 'Rioters']);
  });

  it('the governor a violent demonstration rejects is not its second actor', () => {
    const e = top(
      code('On Monday, demonstrators blocked roads with burning tyres in Nasiriyah in rejection of the new governor.'),
    );
    expect(e?.sub_event_type).toBe('Violent demonstration');
    expect(e?.actor2).toBeNull();
  });

  it('police who dispersed the violent demonstration in the next sentence are its second actor', () => {
    const e = top(
      code(
        'On Monday, demonstrators blocked roads with burning tyres in Nasiriyah in rejection of the new governor. Police dispersed them with tear gas.',
      ),
    );
    expect(cats(e)).toEqual(['Rioters', 'State forces']);
  });
});
