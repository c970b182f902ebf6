// Casualty counts: each case is an invented sentence stating the rule it exercises.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCountLexicon, findCounts, pickCount } from '../../src/extract/counts.js';
import { defaultDataDir, readLexiconFile } from '../../src/extract/lexicon-file.js';

const lex = compileCountLexicon(readLexiconFile(path.join(defaultDataDir(), 'lexicons/counts.txt'), 2));
const counts = (s: string) => Object.fromEntries(findCounts(lex, s).map((c) => [c.category, c.range]));

describe('findCounts', () => {
  it('"over 15" means at least 16, open-ended', () => {
    expect(counts('Militants captured over 15 soldiers near the dam.').captured).toEqual({ low: 16, high: null });
  });
  it('"at least" keeps the number as the low bound', () => {
    expect(counts('At least 20 villagers were killed in the raid.').killed).toEqual({ low: 20, high: null });
  });
  it('"up to" and ranges give both bounds', () => {
    expect(counts('Up to 30 people were wounded.').injured).toEqual({ low: 30, high: 30 });
    expect(counts('Gunmen abducted between two and four farmers.').captured).toEqual({ low: 2, high: 4 });
    expect(counts('The blast killed 5-7 civilians.').killed).toEqual({ low: 5, high: 7 });
  });
  it('"dozens" is 12 and "several" 10, per ACLED', () => {
    expect(counts('Dozens of students were arrested outside the court.').captured).toEqual({ low: 12, high: null });
    expect(counts('Several guards were injured.').injured).toEqual({ low: 10, high: null });
  });
  it('number words and "a man" count', () => {
    expect(counts('Twenty-five fighters were killed.').killed).toEqual({ low: 25, high: 25 });
    expect(counts('A man was found dead beside the canal.').killed).toEqual({ low: 1, high: 1 });
  });
  it('coordinated counts add up; a subset after "including" does not', () => {
    expect(counts('Three policemen and two civilians were killed.').killed).toEqual({ low: 5, high: 5 });
    expect(counts('The strike killed 9 people, including 4 children.').killed).toEqual({ low: 9, high: 9 });
  });
  it('counts of vehicles, weapons and years are never casualties', () => {
    const c = counts('Rebels destroyed 4 vehicles and seized 12 rifles in 2019; two soldiers were wounded.');
    expect(c.killed).toBeUndefined();
    expect(c.captured).toBeUndefined();
    expect(c.injured).toEqual({ low: 2, high: 2 });
    expect(counts('The army captured 3 tanks.').captured).toBeUndefined();
  });
  it('a year before people is a date, not a head count', () => {
    expect(counts('On 20 May 2024, armed bandits abducted 23 people in a village raid.').captured).toEqual({
      low: 23,
      high: 23,
    });
    expect(counts('In 2023, gunmen kidnapped two farmers near the town.').captured).toEqual({ low: 2, high: 2 });
    expect(counts('Police arrested 2024 protesters over the week, a rights group said.').captured).toEqual({
      low: 2024,
      high: 2024,
    });
  });
  it('separate verbs take their own numbers', () => {
    const c = counts('The attackers killed four guards and injured eleven others.');
    expect(c.killed).toEqual({ low: 4, high: 4 });
    expect(c.injured).toEqual({ low: 11, high: 11 });
  });
  it('ACLED coding remarks state the coded figure, split between events when said so', () => {
    expect(counts('Fatalities were coded as 10 because no toll was given.').killed).toEqual({ low: 10, high: 10 });
    expect(counts('Fatalities coded as 0 (a local outlet reported 2).').killed).toEqual({ low: 0, high: 0 });
    expect(counts('12 fatalities split between 4 events.').killed).toEqual({ low: 3, high: 3 });
  });
  it('"no casualties" is an explicit zero', () => {
    expect(counts('No casualties were reported.').killed).toEqual({ low: 0, high: 0 });
  });
  it('one victim named by an article, a pronoun or a definite noun is one killed', () => {
    expect(counts('A court clerk was shot to death outside his home by two riders.').killed).toEqual({
      low: 1,
      high: 1,
    });
    expect(counts('Unknown gunmen assassinated a retired major near the grain market.').killed).toEqual({
      low: 1,
      high: 1,
    });
    expect(counts('A roadside bomb struck a lorry, killing the driver.').killed).toEqual({ low: 1, high: 1 });
    expect(counts('Snipers opened fire on a herder, killing him.').killed).toEqual({ low: 1, high: 1 });
    expect(counts('The body of a fisherman was pulled from the lake on Sunday.').killed).toEqual({ low: 1, high: 1 });
  });
  it("a single-victim reading never counts plurals or a protest's cause", () => {
    expect(counts('Troops killed the insurgents in the forest.').killed).toBeUndefined();
    expect(
      counts('Traders marched to the governor demanding justice for a vendor who was beaten to death by guards.')
        .killed,
    ).toBeUndefined();
  });
  it('a passive "shot and killed", an of-phrase after the victims and "the killing of" keep their number', () => {
    expect(counts('3 herders were shot and killed at the well.').killed).toEqual({ low: 3, high: 3 });
    expect(counts('Two members of the town council were shot dead outside the hall.').killed).toEqual({
      low: 2,
      high: 2,
    });
    expect(counts('The raid led to the killing of 4 guards.').killed).toEqual({ low: 4, high: 4 });
    // The active voice counts the killers, not the killed.
    expect(counts('Two gunmen shot and killed a tailor near the mosque.').killed).toEqual({ low: 1, high: 1 });
  });
  it('one person who "later died" is one killed', () => {
    expect(counts('Raiders beat a night guard, and the guard later died of his wounds.').killed).toEqual({
      low: 1,
      high: 1,
    });
  });
  it("a party's claimed figure yields to the figure the outlet states", () => {
    const mentions = findCounts(lex, 'Three guards were killed and two hurt; the rebels claimed 9 killed.');
    expect(pickCount(mentions, 'killed')?.range).toEqual({ low: 3, high: 3 });
    // A claim alone is still the only figure there is.
    expect(pickCount(findCounts(lex, 'The rebels claimed 9 killed.'), 'killed')?.range).toEqual({ low: 9, high: 9 });
  });
  it('a relative ("her son") is one person; "her two sons" counts by its number', () => {
    expect(counts('A farmer and her son were killed when the shell landed.').killed).toEqual({ low: 2, high: 2 });
    expect(counts('Gunmen killed her two sons at the well.').killed).toEqual({ low: 2, high: 2 });
  });
  it('"a man who … was shot dead" without a comma after the relative clause', () => {
    expect(
      counts('A boy who tried to flee across a field behind his home was shot dead by the raiders.').killed,
    ).toEqual({
      low: 1,
      high: 1,
    });
  });
  it("a death a demonstration is about is no casualty; the protesters' own dead are", () => {
    expect(
      counts('Relatives demonstrated outside the jail after more than 30 inmates were killed in a fire there.').killed,
    ).toBeUndefined();
    expect(
      counts('Students marched against the fee rise, and police fired on them, killing 3 students.').killed,
    ).toEqual({ low: 3, high: 3 });
  });
  it('"killed, injured or captured" says no number of dead', () => {
    expect(
      counts('Four insurgents were killed, injured or captured in the sweep, the ministry said.').killed,
    ).toBeUndefined();
  });
  it('an acronym before the noun, "the bodies of N", "N corpses" and an of-phrase before "died" keep their number', () => {
    expect(counts('The raid left 3 IS fighters dead.').killed).toEqual({ low: 3, high: 3 });
    expect(counts('Farmers found the bodies of 4 herders near the dry well.').killed).toEqual({ low: 4, high: 4 });
    expect(counts('Six corpses were pulled from the river.').killed).toEqual({ low: 6, high: 6 });
    expect(counts('Two members of the town guard died in the exchange of fire.').killed).toEqual({ low: 2, high: 2 });
  });
  it('a split remark gives this event its share, the bracketed figure when there is one', () => {
    expect(counts('40 fatalities, divided across 4 events (13).').killed).toEqual({ low: 13, high: 13 });
    expect(counts('Two fatalities spread over two days.').killed).toEqual({ low: 1, high: 1 });
    expect(
      counts('With no toll reported, fatalities were coded as 10 and divided between the two events.').killed,
    ).toEqual({
      low: 5,
      high: 5,
    });
  });
  it('the head noun decides one victim: "a man riding a motorbike", "a border police officer", "the driver"', () => {
    expect(counts('A man riding a motorbike was shot to death at the junction.').killed).toEqual({ low: 1, high: 1 });
    expect(counts('A border police officer was killed near the crossing.').killed).toEqual({ low: 1, high: 1 });
    expect(counts('The driver was killed when the lorry hit a mine.').killed).toEqual({ low: 1, high: 1 });
    expect(counts('The convoy was killed off by the storm.').killed).toBeUndefined();
  });
  it('spans point at the words they rest on', () => {
    const s = 'Border guards detained 14 smugglers at dawn.';
    const [m] = findCounts(lex, s, 100);
    expect(m && s.slice((m?.start ?? 0) - 100, (m?.end ?? 0) - 100)).toBe('detained 14 smugglers');
  });
});
