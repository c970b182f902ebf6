/** `s` as a regular-expression literal, every syntax character escaped ('-' is left: outside a class it needs none). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
