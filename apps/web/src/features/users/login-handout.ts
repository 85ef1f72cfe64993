import type { LoginCode } from '@kesu/schema';
import type { LoginSheetRow } from '../../api/users';

/** A handed-out log-in with the unit it is for (a reset has none). */
export interface Handout extends LoginCode {
  regionCode: string | null;
  department: string | null;
}

/** The log-in link as a person opens it: on this site's own address. */
export function absoluteLink(link: string, origin: string): string {
  return new URL(link, origin).toString();
}

/**
 * The rows of the printable log-in list, region names spelt out and links made absolute.
 * @example handoutRows(created, (c) => regionName(c), location.origin)
 */
export function handoutRows(
  items: Handout[],
  regionName: (code: string | null) => string,
  origin: string,
): LoginSheetRow[] {
  return items.map((h) => ({
    regionName: regionName(h.regionCode),
    department: h.department ?? '',
    username: h.username,
    code: h.code,
    link: absoluteLink(h.link, origin),
    expiresAt: h.expiresAt,
  }));
}

/** The rows as tab-separated text, for pasting into a spreadsheet or a message. */
export function handoutText(rows: LoginSheetRow[], header: string[], formatTime: (utc: string) => string): string {
  const lines = rows.map((r) =>
    [r.regionName, r.department, r.username, r.code, formatTime(r.expiresAt), r.link].join('\t'),
  );
  return [header.join('\t'), ...lines].join('\n');
}
