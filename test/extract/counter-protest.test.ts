/** A peaceful protest met by a counter-protest: ACLED codes the two crowds, Protesters against Protesters. */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('counter-protests', () => {
  it('counter-demonstrators beside a peaceful march make the second actor protesters', () => {
    const e = top(
      code(
        'On 2 March 2024, about 300 teachers protested outside the education ministry in Ghent, Belgium, demanding higher pay. A small counter-demonstration by parents gathered outside the town hall.',
      ),
    );
    expect(e?.sub_event_type).toBe('Peaceful protest');
    expect(e?.actor1?.category).toBe('Protesters');
    expect(e?.actor2?.category).toBe('Protesters');
  });

  it('a peaceful protest alone has no second actor', () => {
    const e = top(
      code(
        'On 2 March 2024, about 300 teachers protested outside the education ministry in Ghent, Belgium, demanding higher pay.',
      ),
    );
    expect(e?.sub_event_type).toBe('Peaceful protest');
    expect(e?.actor2).toBeNull();
  });
});
