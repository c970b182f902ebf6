import { describe, expect, it } from 'vitest';
import { BRIDGES, DEMONSTRATION, typeGroup, VIOLENT } from '../../src/incidents/compatibility.js';
import { ACLED_TYPES } from '../../src/model/extraction.js';

const allSubTypes = new Set<string>(Object.values(ACLED_TYPES).flat());

describe('type groups (rules the taxonomy tables must follow)', () => {
  it('name only real ACLED sub-event types', () => {
    for (const sub of [...VIOLENT, ...DEMONSTRATION]) expect(allSubTypes.has(sub)).toBe(true);
    for (const pair of BRIDGES) for (const sub of pair.split('\u0000')) expect(allSubTypes.has(sub)).toBe(true);
  });

  it('put every sub-type of Battles, Explosions and Violence against civilians in the violent group', () => {
    for (const t of ['Battles', 'Explosions/Remote violence', 'Violence against civilians'] as const)
      for (const sub of ACLED_TYPES[t]) expect(typeGroup(sub)).toBe('violent');
  });

  it('put Protests and Riots together and keep each strategic development on its own', () => {
    for (const sub of [...ACLED_TYPES.Protests, ...ACLED_TYPES.Riots]) expect(typeGroup(sub)).toBe('demonstration');
    const strategic = ACLED_TYPES['Strategic developments'].map(typeGroup);
    expect(new Set(strategic).size).toBe(strategic.length);
  });

  it('bridge only pairs from different groups', () => {
    for (const pair of BRIDGES) {
      const [a, b] = pair.split('\u0000') as [never, never];
      expect(typeGroup(a)).not.toBe(typeGroup(b));
    }
  });
});
