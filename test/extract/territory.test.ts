/**
 * Territory or a battle's outcome: unnamed positions, checkpoints or posts taken in a fight, and a town held only
 * "briefly", are an armed clash; a named position or a town taken is territory; "recovered territory" is territory
 * regained. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('territory or battle', () => {
  it('militants overrunning several checkpoints fought a battle, they took no territory', () => {
    const e = top(
      code('On Monday, Taliban militants attacked and overran several checkpoints in Kunduz, killing six policemen.'),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('rebels taking control of "five more positions" after clashes is an armed clash', () => {
    const e = top(code('On Monday, the SDF clashed with ISIS near Raqqa and took control of five more positions.'));
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('a town held "briefly" is an armed clash', () => {
    const e = top(code('On Sunday, al-Shabaab fighters briefly seized control of Bulo Burte before withdrawing.'));
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('a named checkpoint taken is territory', () => {
    const e = top(code('On Sunday, AQAP militants took control of the Al Mahfad checkpoint from government troops.'));
    expect(e?.sub_event_type).toBe('Non-state actor overtakes territory');
  });

  it('checkpoints taken together with other locations are territory', () => {
    const e = top(code('On Sunday, tribesmen took control of several checkpoints and other locations around Rada.'));
    expect(e?.sub_event_type).toBe('Non-state actor overtakes territory');
  });

  it('a town taken stays territory', () => {
    const e = top(code('On Sunday, JNIM fighters took control of the town of Boni after a short fight.'));
    expect(e?.sub_event_type).toBe('Non-state actor overtakes territory');
  });

  it('soldiers who "recovered territory" after a clash regained territory', () => {
    const e = top(code('On Monday, FARDC soldiers recovered territory near Eringeti following a clash with the ADF.'));
    expect(e?.sub_event_type).toBe('Government regains territory');
  });
});
