/**
 * A summary at the top of a bulletin ("Summary: …", "KEY POINTS" and its bullets) retells the body's events: told
 * there only in brief, an event gives way to the body's telling of it; one the body does not tell stays.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder({ languageIdentifier: null });

const bulletin = (summary: string) =>
  [
    'NORTH KIVU SECURITY NOTE',
    '',
    summary,
    '',
    '1. Masisi. On Monday, M23 rebels clashed with the Congolese army near Sake for several hours.',
    '',
    '2. Beni. On Monday night, ADF fighters attacked a village near Beni and killed seven civilians with machetes.',
  ].join('\n');

describe('summary lines', () => {
  it('"Summary:" retelling the Sake fighting adds no clash of its own', () => {
    const events = code(bulletin('Summary: Heavy fighting continued west of Goma on Monday.'));
    expect(events.filter((e) => e.sub_event_type === 'Armed clash')).toHaveLength(1);
    expect(events.find((e) => e.sub_event_type === 'Armed clash')?.evidence[0]?.text).toContain('Sake');
  });

  it('KEY POINTS bullets give way to the body events of their kind', () => {
    const events = code(
      bulletin(
        'KEY POINTS\n- Fighting between M23 and the army went on near Goma.\n- ADF attack on civilians near Beni.',
      ),
    );
    expect(events.map((e) => e.sub_event_type).sort()).toEqual(['Armed clash', 'Attack']);
    for (const e of events) expect(e.evidence.every((ev) => !ev.text.startsWith('-'))).toBe(true);
  });

  it('an event only the summary tells stays (a drone strike in another country)', () => {
    const events = code(
      bulletin('KEY POINTS\n- Rwanda reported a drone strike on a border post near Gisenyi overnight.'),
    );
    expect(events.map((e) => e.sub_event_type)).toContain('Air/drone strike');
  });

  it('"summary" inside a sentence is no heading', () => {
    const events = code('Police said in a summary of the case that gunmen shot dead two traders near Beni on Monday.');
    expect(events.map((e) => e.sub_event_type)).toEqual(['Attack']);
  });
});
