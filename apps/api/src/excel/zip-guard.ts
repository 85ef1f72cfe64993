import { inflateRawSync } from 'node:zlib';

/** What an uploaded ZIP (an .xlsx) may declare before anything is inflated. */
export interface ZipLimits {
  /** Most entries (files and folders) in the archive. */
  maxEntries: number;
  /** Most bytes all entries together may inflate to. */
  maxUncompressed: number;
  /** Highest uncompressed : compressed ratio of one sizeable entry. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxUncompressed: 50 * 1024 * 1024, maxRatio: 200 };

export type ZipCheckCode = 'not_zip' | 'too_many_entries' | 'too_large' | 'zip_bomb';

export type ZipCheck = { ok: true } | { ok: false; code: ZipCheckCode; message: string; messageEn: string };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
// Only entries over 1 MiB are held to the ratio: a small entry is harmless whatever it compresses to.
const RATIO_FLOOR = 1024 * 1024;

interface Entry {
  method: number;
  compressed: number;
  uncompressed: number;
  offset: number;
  nameLength: number;
}

class ZipProblem extends Error {
  constructor(
    readonly code: ZipCheckCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const notZip = (zh: string, en: string) =>
  new ZipProblem(
    'not_zip',
    `文件不是有效的 Excel（.xlsx）文件：${zh}`,
    `The file is not a valid Excel (.xlsx) file: ${en}`,
  );

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** A 64-bit little-endian size as a safe JS number, or a problem if it is beyond one. */
function u64(view: DataView, at: number): number {
  const n = view.getBigUint64(at, true);
  if (n > BigInt(Number.MAX_SAFE_INTEGER))
    throw notZip('ZIP64 记录中的数值超出范围', 'a ZIP64 size or offset is out of range');
  return Number(n);
}

/** The End Of Central Directory record's offset, searched backwards over a possible comment. */
function findEocd(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (
      view.getUint32(at, true) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + view.getUint16(at + 20, true) <= view.byteLength
    )
      return at;
  }
  throw notZip(
    '找不到 ZIP 目录（文件可能不完整）',
    'no ZIP end-of-central-directory record (the file may be truncated)',
  );
}

interface Directory {
  entries: number;
  offset: number;
  size: number;
  /** Where the central directory must end: the (ZIP64) end record that follows it. */
  end: number;
}

function readDirectory(view: DataView, eocd: number): Directory {
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw notZip('不支持分卷压缩包', 'multi-part archives are not supported');
  }
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entries !== U16_MAX && size !== U32_MAX && offset !== U32_MAX) return { entries, offset, size, end: eocd };
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE)
    return { entries, offset, size, end: eocd };
  const record = u64(view, locator + 8);
  if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    throw notZip('ZIP64 目录记录损坏', 'the ZIP64 end-of-central-directory record is damaged');
  }
  return { entries: u64(view, record + 32), size: u64(view, record + 40), offset: u64(view, record + 48), end: record };
}

/** Sizes and offset from a ZIP64 extra field, for those the 32-bit fields mark as 0xFFFFFFFF. */
function applyZip64Extra(view: DataView, from: number, length: number, entry: Entry): void {
  const wanted = [entry.uncompressed === U32_MAX, entry.compressed === U32_MAX, entry.offset === U32_MAX];
  for (let at = from; at + 4 <= from + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const take = (): number => {
        if (p + 8 > at + 4 + size) throw notZip('ZIP64 扩展字段过短', 'a ZIP64 extra field is too short');
        const n = u64(view, p);
        p += 8;
        return n;
      };
      if (wanted[0]) entry.uncompressed = take();
      if (wanted[1]) entry.compressed = take();
      if (wanted[2]) entry.offset = take();
      return;
    }
    at += 4 + size;
  }
}

function readEntries(view: DataView, dir: Directory): Entry[] {
  if (dir.offset + dir.size > dir.end)
    throw notZip('ZIP 目录位置超出文件范围', 'the central directory lies outside the file');
  const entries: Entry[] = [];
  let at = dir.offset;
  const end = dir.offset + dir.size;
  while (entries.length < dir.entries) {
    if (at + CENTRAL_SIZE > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw notZip('ZIP 目录条目损坏', 'a central directory entry is damaged');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      nameLength,
    };
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > end) throw notZip('ZIP 目录条目超出目录范围', 'a central directory entry runs past the directory');
    if (entry.compressed === U32_MAX || entry.uncompressed === U32_MAX || entry.offset === U32_MAX) {
      applyZip64Extra(view, at + CENTRAL_SIZE + nameLength, extraLength, entry);
    }
    entries.push(entry);
    at = next;
  }
  return entries;
}

function checkEntries(entries: Entry[], dir: Directory, limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.offset + LOCAL_SIZE + e.nameLength + e.compressed > dir.offset) {
      throw notZip('压缩数据超出文件范围', 'an entry’s compressed data lies outside the file');
    }
    if (e.uncompressed > RATIO_FLOOR && e.uncompressed / Math.max(e.compressed, 1) > limits.maxRatio) {
      const ratio = Math.round(e.uncompressed / Math.max(e.compressed, 1));
      throw new ZipProblem(
        'zip_bomb',
        `文件压缩比异常（${ratio}:1，上限 ${limits.maxRatio}:1），疑似压缩炸弹，已拒绝`,
        `An entry expands ${ratio}:1 (limit ${limits.maxRatio}:1); this looks like a zip bomb and was refused`,
      );
    }
    total += e.uncompressed;
  }
  // Entries sharing compressed bytes are how overlapping-file bombs multiply one stream many times.
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && prev.offset + LOCAL_SIZE + prev.nameLength + prev.compressed > cur.offset) {
      throw new ZipProblem(
        'zip_bomb',
        '压缩包内的文件相互重叠，疑似压缩炸弹，已拒绝',
        'Entries in the archive overlap; this looks like a zip bomb and was refused',
      );
    }
  }
  if (total > limits.maxUncompressed) {
    throw new ZipProblem(
      'too_large',
      `文件解压后过大（${mib(total)} MB，上限 ${mib(limits.maxUncompressed)} MB）`,
      `The file expands to ${mib(total)} MB (limit ${mib(limits.maxUncompressed)} MB)`,
    );
  }
}

/** The archive's entries after every check that needs only the central directory. */
function inspect(bytes: Uint8Array, limits: ZipLimits): { view: DataView; entries: Entry[] } {
  if (bytes.byteLength === 0) throw notZip('文件为空', 'the file is empty');
  if (bytes.byteLength < EOCD_SIZE) throw notZip('文件过短', 'the file is too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  if (magic !== LOCAL_SIGNATURE && magic !== EOCD_SIGNATURE)
    throw notZip('文件开头不是 ZIP 格式', 'it does not start like a ZIP archive');
  const dir = readDirectory(view, findEocd(view));
  if (dir.entries > limits.maxEntries) {
    throw new ZipProblem(
      'too_many_entries',
      `压缩包内文件过多（${dir.entries} 个，上限 ${limits.maxEntries} 个）`,
      `The archive holds too many entries (${dir.entries}, limit ${limits.maxEntries})`,
    );
  }
  const entries = readEntries(view, dir);
  checkEntries(entries, dir, limits);
  return { view, entries };
}

function outcome(run: () => void): ZipCheck {
  try {
    run();
    return { ok: true };
  } catch (error) {
    if (error instanceof ZipProblem) return { ok: false, code: error.code, message: error.zh, messageEn: error.en };
    // A read past the end of the view means the directory points outside the file.
    if (!(error instanceof RangeError)) throw error;
    const damaged = notZip('ZIP 结构损坏', 'its ZIP structure is damaged');
    return { ok: false, code: damaged.code, message: damaged.zh, messageEn: damaged.en };
  }
}

/**
 * Checks a ZIP archive (an .xlsx) from its central directory alone, before anything inflates
 * it: entry count, total uncompressed size, compression ratio and overlapping entries.
 * @example checkZip(new Uint8Array(await file.arrayBuffer())) // { ok: true }
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  return outcome(() => inspect(bytes, limits));
}

/**
 * Runs checkZip, then inflates each entry with its output capped at the size the directory
 * declares, so an archive that lies about its sizes is refused before a library inflates it
 * without a cap. Memory stays within the largest declared entry; corrupt data is left for the
 * reader to report.
 * @example verifyZipSizes(bytes) // { ok: false, code: 'zip_bomb', … } for a lying archive
 */
export function verifyZipSizes(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  return outcome(() => {
    const { view, entries } = inspect(bytes, limits);
    for (const e of entries) {
      if (e.method !== 8 || e.compressed === 0) continue;
      if (view.getUint32(e.offset, true) !== LOCAL_SIGNATURE)
        throw notZip('文件条目头损坏', 'a local file header is damaged');
      const start = e.offset + LOCAL_SIZE + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
      try {
        inflateRawSync(bytes.subarray(start, start + e.compressed), { maxOutputLength: Math.max(e.uncompressed, 1) });
      } catch (error) {
        if (error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ZipProblem(
            'zip_bomb',
            '文件解压后比声明的大小更大，疑似压缩炸弹，已拒绝',
            'An entry inflates beyond the size it declares; this looks like a zip bomb and was refused',
          );
        }
      }
    }
  });
}
