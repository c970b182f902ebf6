/**
 * Party supporters or a party's youth wing fighting with machetes, sticks or stones, or "each other", with no
 * firearm and no armed group named, are a brawl between crowds: mob violence, with the named party militia as the
 * rioters' other side. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('brawls between party crowds', () => {
  it('Imbonerakure and opposition supporters clashing with machetes are mob violence', () => {
    const e = top(
      code('On Monday, Imbonerakure and opposition supporters clashed with machetes and sticks in Gitega.'),
    );
    expect(e?.sub_event_type).toBe('Mob violence');
    expect([e?.actor1?.category, e?.actor2?.category].sort()).toEqual(['Political militia', 'Rioters']);
  });

  it('two parties’ supporters who "fought each other" are mob violence', () => {
    const e = top(
      code('On Monday, ruling party and opposition supporters fought each other near the central market in Ngozi.'),
    );
    expect(e?.event_type).toBe('Riots');
  });

  it('cartel gunmen fighting each other stay an armed clash', () => {
    const e = top(code('On Monday, Sinaloa Cartel and CJNG gunmen fought each other in the hills near Culiacan.'));
    expect(e?.sub_event_type).toBe('Armed clash');
  });
});
