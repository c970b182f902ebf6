/**
 * A group's own change (reinforcements, a defection, a deployment) is coded with that group alone: the forces it
 * joins, leaves or faces are context, not a second actor. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('change to a group’s activity', () => {
  it('"Houthi reinforcements of troops and vehicles arrived" has no second actor', () => {
    const e = top(
      code('On Monday, Houthi reinforcements of troops and vehicles arrived on the Harad front in Hajjah.'),
    );
    expect(e?.sub_event_type).toBe('Change to group/activity');
    expect(e?.actor2).toBeNull();
  });
});
