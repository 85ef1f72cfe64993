import { crc32, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormDefinition } from '@kesu/schema';
import { buildFormWorkbook } from './form-workbook.js';
import { checkZip, verifyZipSizes } from './zip-guard.js';

interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Stored (0) or deflated (8); the data is compressed here when 8. */
  method?: 0 | 8;
  /** What the central directory claims the entry inflates to, instead of the truth. */
  declaredSize?: number;
  /** Write 0xFFFFFFFF sizes and the real ones in a ZIP64 extra field. */
  zip64?: boolean;
  /** Point the central entry at another entry's local header. */
  sharesOffsetWith?: number;
}

/** A ZIP archive built byte by byte: local headers, data, central directory, end record. */
function makeZip(entries: ZipEntry[], tweak: { cdOffsetDelta?: number; entryCount?: number } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 0;
    const body = method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    const size = e.declaredSize ?? e.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.byteLength, 18);
    local.writeUInt32LE(e.data.byteLength, 22);
    local.writeUInt16LE(name.byteLength, 26);
    offsets.push(offset);
    locals.push(local, name, body);
    offset += local.byteLength + name.byteLength + body.byteLength;
    const extra = Buffer.alloc(e.zip64 ? 20 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.byteLength), 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : body.byteLength, 20);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt16LE(extra.byteLength, 30);
    central.writeUInt32LE(offsets[e.sharesOffsetWith ?? i] ?? 0, 42);
    centrals.push(central, name, extra);
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(tweak.entryCount ?? entries.length, 8);
  end.writeUInt16LE(tweak.entryCount ?? entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset + (tweak.cdOffsetDelta ?? 0), 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

let xlsx: Buffer;
beforeAll(async () => {
  const def = FormDefinition.parse({
    title: '测试表',
    periodKind: 'year',
    sections: [{ id: 's', title: '情况', fields: [{ id: 'n', type: 'integer', label: '数量' }] }],
  });
  xlsx = await buildFormWorkbook(def, {
    assignmentId: 'a',
    formId: 'f',
    version: 1,
    title: '测试表',
    regionName: '某县',
    departmentName: '科协',
    period: '2024',
    dueDate: null,
  });
});

describe('checkZip', () => {
  it('accepts a real workbook', () => {
    expect(checkZip(xlsx)).toEqual({ ok: true });
  });

  it('accepts a small honest archive, stored or deflated', () => {
    expect(
      checkZip(
        makeZip([
          { name: 'a.txt', data: text('hello') },
          { name: 'b.txt', data: text('科普'.repeat(100)), method: 8 },
        ]),
      ),
    ).toEqual({ ok: true });
  });

  it('accepts a view into a larger buffer', () => {
    const padded = new Uint8Array(xlsx.byteLength + 16);
    padded.set(xlsx, 8);
    expect(checkZip(padded.subarray(8, 8 + xlsx.byteLength))).toEqual({ ok: true });
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['a few bytes', new Uint8Array([0x50, 0x4b, 3, 4]), /too short/],
    ['plain text', text('这不是一个压缩包，只是一段足够长的普通文本。'), /does not start like a ZIP/],
    ['a PDF', text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), /does not start like a ZIP/],
    [
      'a directory offset past the file',
      makeZip([{ name: 'a.txt', data: text('hello') }], { cdOffsetDelta: 1000 }),
      /outside the file/,
    ],
    [
      'more entries declared than present',
      makeZip([{ name: 'a.txt', data: text('hello') }], { entryCount: 3 }),
      /damaged/,
    ],
  ])('rejects %s as not_zip', (_name, bytes, reason) => {
    const r = checkZip(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('not_zip');
    expect(r.messageEn).toMatch(reason);
    expect(r.message).toContain('不是有效的 Excel');
  });

  it('rejects a truncated workbook as not_zip', () => {
    expect(checkZip(xlsx.subarray(0, Math.floor(xlsx.byteLength / 2)))).toMatchObject({
      ok: false,
      code: 'not_zip',
      messageEn: expect.stringMatching(/end-of-central-directory/),
    });
  });

  it('rejects a central directory that declares a huge uncompressed size, without inflating', () => {
    const bomb = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: text('<x/>'.repeat(10)), declaredSize: 0xfffffff0 },
    ]);
    const r = checkZip(bomb);
    expect(r).toMatchObject({ ok: false, code: 'zip_bomb' });
    if (!r.ok) expect(r.message).toContain('压缩炸弹');
  });

  it('rejects a real deflated bomb (60 MB of zeros in a few KB)', () => {
    const bomb = makeZip([{ name: 'xl/sharedStrings.xml', data: new Uint8Array(60 * 1024 * 1024), method: 8 }]);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    expect(checkZip(bomb)).toMatchObject({ ok: false, code: 'zip_bomb' });
  });

  it('reads ZIP64 sizes from the extra field', () => {
    const bomb = makeZip([{ name: 'big.xml', data: text('x'.repeat(100)), declaredSize: 10 * 1024 ** 3, zip64: true }]);
    expect(checkZip(bomb)).toMatchObject({ ok: false, code: 'zip_bomb' });
    const honest = makeZip([{ name: 'small.xml', data: text('x'.repeat(100)), zip64: true }]);
    expect(checkZip(honest)).toEqual({ ok: true });
  });

  it('rejects entries that together expand beyond the limit', () => {
    const entries = Array.from({ length: 60 }, (_, i) => ({
      name: `part${i}.bin`,
      data: new Uint8Array(8 * 1024),
      declaredSize: 1024 * 1024,
    }));
    const r = checkZip(makeZip(entries));
    expect(r).toMatchObject({ ok: false, code: 'too_large' });
    if (!r.ok) expect(r.messageEn).toMatch(/60\.0 MB \(limit 50\.0 MB\)/);
    expect(checkZip(xlsx, { maxEntries: 2000, maxUncompressed: 1000, maxRatio: 200 })).toMatchObject({
      ok: false,
      code: 'too_large',
    });
  });

  it('rejects too many entries', () => {
    const entries = Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(0) }));
    expect(checkZip(makeZip(entries))).toMatchObject({ ok: false, code: 'too_many_entries' });
    expect(checkZip(xlsx, { maxEntries: 3, maxUncompressed: 50 * 1024 * 1024, maxRatio: 200 })).toMatchObject({
      ok: false,
      code: 'too_many_entries',
    });
  });

  it('rejects entries that share compressed bytes (overlapping-file bomb)', () => {
    const data = text('x'.repeat(1000));
    const r = checkZip(
      makeZip([
        { name: 'a', data },
        { name: 'b', data, sharesOffsetWith: 0 },
      ]),
    );
    expect(r).toMatchObject({ ok: false, code: 'zip_bomb' });
  });
});

describe('verifyZipSizes', () => {
  it('accepts a real workbook and honest archives', () => {
    expect(verifyZipSizes(xlsx)).toEqual({ ok: true });
    expect(
      verifyZipSizes(
        makeZip([
          { name: 'b.txt', data: text('科普'.repeat(1000)), method: 8 },
          { name: 'empty', data: new Uint8Array(0), method: 8 },
        ]),
      ),
    ).toEqual({ ok: true });
  });

  it('refuses an archive whose data inflates beyond the size it declares', () => {
    const liar = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(60 * 1024 * 1024), method: 8, declaredSize: 1000 },
    ]);
    expect(checkZip(liar)).toEqual({ ok: true });
    expect(verifyZipSizes(liar)).toMatchObject({
      ok: false,
      code: 'zip_bomb',
      messageEn: expect.stringMatching(/beyond the size it declares/),
    });
  });

  it('runs the directory checks first', () => {
    expect(verifyZipSizes(new Uint8Array(0))).toMatchObject({ ok: false, code: 'not_zip' });
    const bomb = makeZip([{ name: 'x', data: text('<x/>'), declaredSize: 0xfffffff0 }]);
    expect(verifyZipSizes(bomb)).toMatchObject({ ok: false, code: 'zip_bomb' });
  });

  it('leaves corrupt deflate data for the reader to report', () => {
    const noisy = Uint8Array.from({ length: 4000 }, (_, i) => (i * i * 31 + (i >> 3)) % 256);
    const zip = makeZip([{ name: 'a.xml', data: noisy, method: 8 }]);
    // Compressed data starts after the 30-byte local header and the 5-byte name.
    zip.fill(0xff, 40, 80);
    expect(verifyZipSizes(zip)).toEqual({ ok: true });
  });
});
