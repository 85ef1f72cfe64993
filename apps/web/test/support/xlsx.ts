import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Just enough of the ZIP format to change one cell of a downloaded workbook the way a person
 * typing in Excel would, without an Excel library in the web app's dependencies.
 */
interface Entry {
  name: string;
  data: Buffer;
}

function readZip(zip: Buffer): Entry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + skip;
  }
  return entries;
}

function writeZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const text = (entries: Entry[], name: string) => {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the workbook`);
  return entry.data.toString('utf8');
};

/** The worksheet file of a sheet named in the workbook. */
function sheetFile(entries: Entry[], sheet: string): string {
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(text(entries, 'xl/workbook.xml'))?.[1];
  const target =
    rid &&
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(
      text(entries, 'xl/_rels/workbook.xml.rels'),
    )?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

/** The row of the main sheet whose field-code cell (column F) holds this field id. */
function rowOf(entries: Entry[], sheetXml: string, fieldId: string): number {
  const shared = [...text(entries, 'xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map(
    (m) => m[1]?.replace(/<[^>]+>/g, '') ?? '',
  );
  for (const cell of sheetXml.matchAll(/<c r="F(\d+)"([^>]*)>(.*?)<\/c>/gs)) {
    const [, row, attrs = '', body = ''] = cell;
    const value = /t="s"/.test(attrs) ? shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] : body.replace(/<[^>]+>/g, '');
    if (value === fieldId) return Number(row);
  }
  throw new Error(`field ${fieldId} not in the sheet`);
}

/**
 * Types values into the value cells (column B) of fields on the 填报表 sheet; returns the new
 * workbook and the cell each field's value went to.
 * @example typeIntoWorkbook(bytes, { s1t1_g1: '很多' })
 */
export function typeIntoWorkbook(
  workbook: Buffer,
  values: Record<string, string>,
): { bytes: Buffer; cells: Record<string, string> } {
  const entries = readZip(workbook);
  const file = sheetFile(entries, '填报表');
  const entry = entries.find((e) => e.name === file) as Entry;
  let xml = entry.data.toString('utf8');
  const cells: Record<string, string> = {};
  for (const [fieldId, value] of Object.entries(values)) {
    const row = rowOf(entries, xml, fieldId);
    const ref = `B${row}`;
    const written = `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const existing = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`, 's');
    // Cells stay in column order: a missing B cell goes right after the label in A.
    xml = existing.test(xml)
      ? xml.replace(existing, written)
      : xml.replace(new RegExp(`(<c r="A${row}"[^>]*?(?:/>|>.*?</c>))`, 's'), `$1${written}`);
    cells[fieldId] = `填报表!${ref}`;
  }
  entry.data = Buffer.from(xml, 'utf8');
  return { bytes: writeZip(entries), cells };
}
