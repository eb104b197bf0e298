// Reads back what a pdfkit certificate draws, without a PDF library: the page's text as the reader's ToUnicode maps
// give it, font by font and glyph by glyph (CID), and each embedded CFF font's charstrings — enough to prove that a
// character was drawn with a real glyph and not with .notdef (CID 0, which is what a font without it yields).
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    if (at < 0 || !/\/Length \d+/.test(body.slice(0, at))) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    let from = start + at + 'stream'.length;
    if (text[from] === '\r') from++;
    if (text[from] === '\n') from++;
    const raw = pdf.subarray(from, from + length);
    out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    re.lastIndex = from + length;
  }
  return out;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** CID → the text it stands for, from a ToUnicode CMap as pdfkit writes it (bfrange with arrays). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => {
    const units = h.replace(/\s+/g, '').match(/.{4}/g) ?? [];
    return String.fromCharCode(...units.map((u) => parseInt(u, 16)));
  };
  for (const r of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    const first = parseInt(r[1]!, 16);
    [...r[3]!.matchAll(/<([0-9a-f ]*)>/gi)].forEach((e, k) => map.set(first + k, hexText(e[1]!)));
  }
  return map;
}

/** Lengths of the charstrings of a CFF font program (CFF spec: header, Name/Top DICT/String/GSubr INDEXes). */
function cffCharstrings(cff: Buffer): Buffer[] {
  const readIndex = (at: number): { items: Buffer[]; end: number } => {
    const count = cff.readUInt16BE(at);
    if (count === 0) return { items: [], end: at + 2 };
    const offSize = cff[at + 2]!;
    const offset = (i: number) => cff.readUIntBE(at + 3 + i * offSize, offSize);
    const dataStart = at + 3 + (count + 1) * offSize - 1;
    const items = Array.from({ length: count }, (_, i) =>
      cff.subarray(dataStart + offset(i), dataStart + offset(i + 1)),
    );
    return { items, end: dataStart + offset(count) };
  };
  const names = readIndex(cff[2]!);
  const topDict = readIndex(names.end).items[0]!;
  // Top DICT operands: integers (28, 29, 32-254) before their operator; CharStrings is operator 17.
  const operands: number[] = [];
  let charStringsAt = -1;
  for (let i = 0; i < topDict.length;) {
    const b = topDict[i]!;
    if (b >= 32 && b <= 246) {
      operands.push(b - 139);
      i += 1;
    } else if (b >= 247 && b <= 250) {
      operands.push((b - 247) * 256 + topDict[i + 1]! + 108);
      i += 2;
    } else if (b >= 251 && b <= 254) {
      operands.push(-(b - 251) * 256 - topDict[i + 1]! - 108);
      i += 2;
    } else if (b === 28) {
      operands.push(topDict.readInt16BE(i + 1));
      i += 3;
    } else if (b === 29) {
      operands.push(topDict.readInt32BE(i + 1));
      i += 5;
    } else if (b === 30) {
      i++;
      while ((topDict[i]! & 0x0f) !== 0x0f && (topDict[i]! & 0xf0) !== 0xf0) i++;
      i++;
      operands.push(0);
    } else {
      const op = b === 12 ? 1200 + topDict[i + 1]! : b;
      i += b === 12 ? 2 : 1;
      if (op === 17) charStringsAt = operands[operands.length - 1]!;
      operands.length = 0;
    }
  }
  if (charStringsAt < 0) throw new Error('CFF without CharStrings');
  return readIndex(charStringsAt).items;
}

export interface DrawnGlyph {
  /** The embedded font's subset name, e.g. CZZZZZ+NotoSansCJKsc-Regular. */
  font: string;
  cid: number;
  text: string;
  /** The glyph's charstring in the embedded font program (the .notdef box for CID 0). */
  charstring: Buffer;
}

/** Every glyph the first page draws with an embedded Type0 font, in drawing order. */
export function drawnGlyphs(pdf: Buffer): DrawnGlyph[] {
  const objs = objects(pdf);
  const page = [...objs.values()].find((o) => /\/Type \/Page\b/.test(o.dict))!;
  const fontsDict = /\/Font <<([^>]*)>>/.exec(page.dict)?.[1] ?? '';
  const resources = ref(page.dict, 'Resources');
  const fontSource =
    fontsDict || (resources !== null ? (/\/Font <<([^>]*)>>/.exec(objs.get(resources)!.dict)?.[1] ?? '') : '');
  const fonts = new Map<string, { name: string; unicode: Map<number, string>; charstrings: Buffer[] }>();
  for (const f of fontSource.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const font = objs.get(Number(f[2]))!;
    if (!/\/Subtype \/Type0/.test(font.dict)) continue;
    const descendant = objs.get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(font.dict)![1]))!;
    const descriptor = objs.get(ref(descendant.dict, 'FontDescriptor')!)!;
    fonts.set(f[1]!, {
      name: /\/BaseFont \/(\S+)/.exec(font.dict)![1]!,
      unicode: toUnicode(objs.get(ref(font.dict, 'ToUnicode')!)!.stream!.toString('latin1')),
      charstrings: cffCharstrings(objs.get(ref(descriptor.dict, 'FontFile3')!)!.stream!),
    });
  }
  const content = objs.get(ref(page.dict, 'Contents')!)!.stream!.toString('latin1');
  const glyphs: DrawnGlyph[] = [];
  let current: string | null = null;
  for (const tok of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
    if (tok[1]) {
      current = tok[1];
      continue;
    }
    const f = current ? fonts.get(current) : undefined;
    if (!f) continue;
    const hexes = tok[2] !== undefined ? [...tok[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!) : [tok[3]!];
    for (const h of hexes) {
      for (const unit of h.match(/.{4}/g) ?? []) {
        const cid = parseInt(unit, 16);
        glyphs.push({ font: f.name, cid, text: f.unicode.get(cid) ?? '', charstring: f.charstrings[cid]! });
      }
    }
  }
  return glyphs;
}

/** The page's text, glyph by glyph (no spaces between separately drawn strings). */
export function pageText(pdf: Buffer): string {
  return drawnGlyphs(pdf)
    .map((g) => g.text)
    .join('');
}
