/** A stub geoparser for coder tests: it finds exactly the given names, each with a fixed decision. */
import type { PlaceDecision, Precision } from '../../src/model/extraction.js';

export interface StubPlace {
  text: string;
  country: string;
  feature: string;
  /** Default: 'country' for a PCLI feature, else 'exact'. */
  precision?: Precision;
  role?: PlaceDecision['role'];
}

/**
 * Places found in the text get fictional coordinates, one degree apart in list order; a listed place missing from
 * a text is left out (one stub can serve several texts).
 */
export function stubGeoparser(places: StubPlace[], focusCountry: string | null = 'SY') {
  return {
    parse(text: string) {
      const decisions: PlaceDecision[] = [];
      places.forEach((p, i) => {
        const start = text.indexOf(p.text);
        if (start < 0) return;
        const mention = {
          start,
          end: start + p.text.length,
          text: p.text,
          name: p.text,
          lat: 10 + i,
          lon: 40 + i,
          country: p.country,
          admin1: null,
          admin2: null,
          geonameid: null,
          feature: p.feature,
          score: 0.9,
        };
        const precision = p.precision ?? (p.feature === 'PCLI' ? 'country' : 'exact');
        decisions.push({ mention, precision, reason: 'stub', ...(p.role ? { role: p.role } : {}) });
      });
      return { places: decisions.map((d) => d.mention), decisions, focusCountry };
    },
    lookup: () => [],
  };
}
