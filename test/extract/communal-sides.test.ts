/**
 * Nameless sides of a communal fight: "inter-clan clashes", "raiders attacked a cattle camp and clashed with local
 * militiamen" are fought by communal militias (ACLED's identity militias), not unidentified political groups; a
 * clash between nameless gunmen with no communal word keeps unidentified armed groups. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();
const cats = (e: ReturnType<typeof top>) => [e?.actor1?.category, e?.actor2?.category];

describe('communal fights', () => {
  it('"inter-clan clashes" are fought by identity militias', () => {
    const e = top(code('On Monday, at least three people were killed in inter-clan clashes near Galdogob.'));
    expect(e?.sub_event_type).toBe('Armed clash');
    expect(cats(e)).toEqual(['Identity militia', 'Identity militia']);
  });

  it('raiders clashing with local militiamen at a cattle camp are identity militias', () => {
    const e = top(code('On Monday, raiders attacked a cattle camp near Tonj and clashed with local militiamen.'));
    expect(cats(e)).toEqual(['Identity militia', 'Identity militia']);
  });

  it('nameless gunmen clashing with no communal word stay unidentified armed groups', () => {
    const e = top(code('On Monday, two groups of gunmen clashed near Culiacan.'));
    expect(cats(e)).not.toEqual(['Identity militia', 'Identity militia']);
  });
});
