/**
 * `attachment; filename="510104-final-evaluation.docx"; filename*=UTF-8''510104-%E7%BB%88…`: the
 * Chinese name for clients that read RFC 5987 (every current browser), an ASCII one for the rest.
 * @example contentDisposition('attachment', '查询结果-2026-12-05.xlsx', 'query-result-2026-12-05.xlsx')
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string, asciiName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
