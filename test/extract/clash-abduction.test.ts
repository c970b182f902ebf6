/**
 * A two-sided fight with an armed side is the event even when a kidnapping is its occasion: "troops clashed with
 * militants after they kidnapped a herder" is an armed clash; a kidnapping alone stays an abduction. Invented
 * sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('a clash over a kidnapping', () => {
  it('soldiers clashing with Boko Haram after the group kidnapped a herder is an armed clash', () => {
    const e = top(
      code('On Monday, soldiers chased and clashed with Boko Haram fighters after they kidnapped a herder near Mora.'),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('gunmen kidnapping a herder with no fight is an abduction', () => {
    const e = top(code('On Monday, gunmen kidnapped a herder near Mora.'));
    expect(e?.sub_event_type).toBe('Abduction/forced disappearance');
  });
});
