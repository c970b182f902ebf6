/**
 * The GeoNames dump format (cities500.txt, allCountries.txt, SY.txt …): 19 tab-separated columns, named here so no
 * code reads a row by a bare index. Data: GeoNames (https://www.geonames.org), CC BY 4.0.
 */
export const GEONAMES_COLUMNS = [
  'geonameid',
  'name',
  'asciiname',
  'alternatenames',
  'latitude',
  'longitude',
  'featureClass',
  'featureCode',
  'countryCode',
  'cc2',
  'admin1Code',
  'admin2Code',
  'admin3Code',
  'admin4Code',
  'population',
  'elevation',
  'dem',
  'timezone',
  'modificationDate',
] as const;

export type GeoNamesColumn = (typeof GEONAMES_COLUMNS)[number];
export type GeoNamesRow = Record<GeoNamesColumn, string>;

/** Splits one dump line into named columns; null when the line does not have the 19 columns. */
export function parseGeoNamesLine(line: string): GeoNamesRow | null {
  const cells = line.split('\t');
  if (cells.length !== GEONAMES_COLUMNS.length) return null;
  const row = {} as GeoNamesRow;
  for (let i = 0; i < GEONAMES_COLUMNS.length; i++) row[GEONAMES_COLUMNS[i] as GeoNamesColumn] = cells[i] as string;
  return row;
}

/** alternateNamesV2.txt columns. */
export const ALTERNATE_NAME_COLUMNS = [
  'alternateNameId',
  'geonameid',
  'isolanguage',
  'alternateName',
  'isPreferredName',
  'isShortName',
  'isColloquial',
  'isHistoric',
  'from',
  'to',
] as const;
export type AlternateNameRow = Record<(typeof ALTERNATE_NAME_COLUMNS)[number], string>;

export function parseAlternateNameLine(line: string): AlternateNameRow | null {
  const cells = line.split('\t');
  if (cells.length < 4 || cells.length > ALTERNATE_NAME_COLUMNS.length || !/^\d+$/.test(cells[0] ?? '')) return null;
  const row = {} as AlternateNameRow;
  for (let i = 0; i < ALTERNATE_NAME_COLUMNS.length; i++) {
    row[ALTERNATE_NAME_COLUMNS[i] as keyof AlternateNameRow] = cells[i] ?? '';
  }
  return row;
}
