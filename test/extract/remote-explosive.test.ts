/**
 * Remote explosives in other words: "a remote explosive attack", "blew up a railway track", "injured in an
 * explosion"; a bomb planted at a civilian building targets civilians (ACLED's second actor) even when nobody was
 * hurt; "injured in a grenade explosion" stays a grenade. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('remote explosives', () => {
  it('"carried out a remote explosive attack targeting a dormitory" is an IED attack on civilians', () => {
    const e = top(
      code('On Monday, PKK militants carried out a remote explosive attack targeting a student dormitory in Van.'),
    );
    expect(e?.sub_event_type).toBe('Remote explosive/landmine/IED');
    expect(e?.actor2?.category).toBe('Civilians');
  });

  it('"blew up a railway track" is a remote explosive', () => {
    const e = top(code('On Monday, BLA militants blew up a railway track near Sibi.'));
    expect(e?.sub_event_type).toBe('Remote explosive/landmine/IED');
  });

  it('"a guard was injured in an explosion at a shrine" is a remote explosive', () => {
    const e = top(code('On Monday, a guard was injured in an explosion at a shrine in Parachinar.'));
    expect(e?.sub_event_type).toBe('Remote explosive/landmine/IED');
  });

  it('"injured in a grenade explosion" stays a grenade', () => {
    const e = top(code('On Monday, two soldiers were injured in a grenade explosion near Sopore.'));
    expect(e?.sub_event_type).toBe('Grenade');
  });
});
