/**
 * Air defences that destroy, down or intercept drones and missiles: Disrupted weapons use, by the side whose air
 * defences acted, against the side whose weapons they stopped (also when a ministry says "its air defences").
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder();
const sides = (text: string) =>
  code(text).map((e) => `${e.sub_event_type}: ${e.actor1?.name ?? '-'} / ${e.actor2?.name ?? '-'}`);

describe('air defences', () => {
  it('"its air defences destroyed 14 Ukrainian drones", as a ministry says it', () => {
    expect(
      sides(
        "Russia's defence ministry said its air defences destroyed 14 Ukrainian drones over the Kursk region overnight.",
      ),
    ).toEqual(['Disrupted weapons use: Military Forces of Russia / Military Forces of Ukraine']);
  });

  it('"Ukrainian air defences shot down 20 of 25 Russian drones"', () => {
    expect(
      sides('Ukrainian air defences shot down 20 of 25 Russian drones launched overnight, the air force said.'),
    ).toEqual(['Disrupted weapons use: Military Forces of Ukraine / Military Forces of Russia']);
  });

  it('a strike that destroys a drone factory is not a drone shot down', () => {
    expect(
      sides('An air strike destroyed a drone factory near Taganrog on Monday.').map((s) => s.split(':')[0]),
    ).not.toContain('Disrupted weapons use');
  });
});
