/**
 * Fire nobody claims, observed near a settlement one side of a fixed front holds, came from the other side
 * (data/actors/front-control.txt): on the Donbas line of contact 2015–2022, explosions near a government-held village
 * are coded as fire by the Russian-backed forces; near a village the other side holds, the default shooter stays.
 * Invented ACLED-style notes.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('front-line control', () => {
  it('explosions near a government-held village are fire by the other side', () => {
    const e = top(
      code('On 14 March 2019, the OSCE SMM observed 6 explosions involving unknown weapons near Krymske.', null),
    );
    expect(e?.sub_event_type).toBe('Shelling/artillery/missile attack');
    expect(e?.actor1?.name).toBe('NAF: United Armed Forces of Novorossiya');
    expect(e?.actor1?.category).toBe('Rebel group');
  });

  it('a spelling variant of a held town counts too', () => {
    const e = top(code('On 2 June 2018, the OSCE SMM recorded 14 explosions of artillery rounds near Avdeevka.', null));
    expect(e?.actor1?.name).toBe('NAF: United Armed Forces of Novorossiya');
  });

  it('near a village the other side holds, the default shooter stays', () => {
    const e = top(
      code('On 14 March 2019, the OSCE SMM observed 6 explosions involving unknown weapons near Horlivka.', null),
    );
    expect(e?.actor1?.name).toBe('Military Forces of Ukraine');
  });

  it('"Bila Kamianka" is not the held "Kamianka"', () => {
    const e = top(
      code('On 14 March 2019, the OSCE SMM observed 3 explosions of mortar rounds near Bila Kamianka.', null),
    );
    expect(e?.actor1?.name).toBe('Military Forces of Ukraine');
  });

  it('a named perpetrator wins over the place', () => {
    const e = top(
      code('On 14 March 2019, Ukrainian forces fired 82mm mortars at positions near Krymske, Luhansk region.', null),
    );
    expect(e?.actor1?.name).toBe('Military Forces of Ukraine');
  });

  it('after February 2022 the line of contact no longer decides', () => {
    const e = top(
      code('On 14 March 2023, the OSCE SMM observed 6 explosions involving unknown weapons near Krymske.', null),
    );
    expect(e?.actor1?.name).not.toBe('NAF: United Armed Forces of Novorossiya');
  });
});
