/**
 * Crowd violence with a demand is a demonstration that turned violent, even without the word "protest"; "set their
 * mattresses on fire" is crowd violence like "set fire to"; a detention centre is a place, not an arrest. Invented
 * sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('crowd violence with a demand', () => {
  it('inmates burning mattresses in a detention centre to demand visits are a violent demonstration', () => {
    const e = top(
      code('On Monday, inmates burned mattresses inside the Tocoron detention centre to demand visits from relatives.'),
    );
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });

  it('"set their mattresses on fire as a form of demonstration" is a violent demonstration', () => {
    const e = top(
      code(
        'On Monday, inmates at the central jail in Nicosia set their mattresses on fire as a form of demonstration.',
      ),
    );
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });

  it('a detention centre is no arrest', () => {
    const events = code('On Monday, the governor visited the new migrant detention centre in Tijuana.');
    expect(events.map((e) => e.sub_event_type)).not.toContain('Arrests');
  });
});

describe('crowd violence told as a clash or an attack by demonstrators', () => {
  it('"a clash ensued between demonstrators and police" is a violent demonstration', () => {
    const e = top(
      code('On Monday, a clash ensued between farmer demonstrators and police outside parliament in Kathmandu.'),
    );
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });

  it('"demonstrators beat two traffic police officers" is a violent demonstration', () => {
    const e = top(
      code('On Monday, demonstrators beat two traffic police officers who came to clear a road block in Coban.'),
    );
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });
});
