/** Crowd violence told only in the security forces' own account does not make a dispersed march a riot. */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe("the force's own account of a demonstration", () => {
  it('"the police said protesters had attacked officers" leaves a protest with intervention', () => {
    const e = top(
      code(
        'Zimbabwean police used tear gas and water cannon to break up a large march in central Harare on Monday. Organisers said at least 12 people were hurt. The police said protesters had attacked officers with stones.',
      ),
    );
    expect(e?.sub_event_type).toBe('Protest with intervention');
  });

  it('stones thrown as the outlet reports it make the demonstration violent', () => {
    const e = top(
      code(
        'Zimbabwean police used tear gas and water cannon to break up a large march in central Harare on Monday. Organisers said at least 12 people were hurt. Protesters attacked officers with stones.',
      ),
    );
    expect(e?.event_type).toBe('Riots');
  });
});
