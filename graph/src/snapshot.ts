import { open, rename } from 'node:fs/promises';
import { ContactGraph, type ContactGraphArrays } from './contact-graph.js';

const MAGIC = 'LNTNGRPH';
const VERSION = 1;
const HEADER_BYTES = 256;
const CHUNK = 1 << 30;

type SectionName = Exclude<keyof ContactGraphArrays, 'nodeCount' | 'pairCount' | 'highDegreeThreshold'>;
type Section = Int32Array | Uint32Array | Uint8Array;
interface Ctor {
  BYTES_PER_ELEMENT: number;
  over(buffer: SharedArrayBuffer): Section;
}
const i32: Ctor = { BYTES_PER_ELEMENT: 4, over: (b) => new Int32Array(b) };
const u32: Ctor = { BYTES_PER_ELEMENT: 4, over: (b) => new Uint32Array(b) };
const u8: Ctor = { BYTES_PER_ELEMENT: 1, over: (b) => new Uint8Array(b) };

/** Section order and element type; lengths follow from n (nodes) and m (pairs). */
const SECTIONS: ReadonlyArray<[SectionName, Ctor, (n: number, m: number) => number]> = [
  ['outOffsets', i32, (n) => n + 1],
  ['outTargets', i32, (_, m) => m],
  ['weight', u32, (_, m) => m],
  ['first', u32, (_, m) => m],
  ['last', u32, (_, m) => m],
  ['typeMask', u8, (_, m) => m],
  ['inOffsets', i32, (n) => n + 1],
  ['inSources', i32, (_, m) => m],
  ['inEdges', i32, (_, m) => m],
  ['toExternal', i32, (n) => n],
  ['toInternal', i32, (n) => n],
  ['highDegree', u32, (n) => (n + 31) >>> 5],
];

/**
 * Writes the graph to one file: a 256-byte header (magic "LNTNGRPH", version, node and pair
 * counts, high-degree threshold, then offset/length of each section) followed by the typed
 * arrays raw (little-endian, as in memory), each 8-byte aligned. Written to `path.tmp` then
 * renamed, so a crash never leaves a half snapshot under `path`.
 */
export async function saveSnapshot(graph: ContactGraph, path: string): Promise<void> {
  const a = graph.arrays;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(VERSION, 8);
  header.writeUInt32LE(SECTIONS.length, 12);
  header.writeDoubleLE(a.nodeCount, 16);
  header.writeDoubleLE(a.pairCount, 24);
  header.writeDoubleLE(a.highDegreeThreshold, 32);
  let offset = HEADER_BYTES;
  SECTIONS.forEach(([name], i) => {
    const len = a[name].byteLength;
    header.writeDoubleLE(offset, 40 + i * 16);
    header.writeDoubleLE(len, 48 + i * 16);
    offset += align8(len);
  });
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.write(header, 0, HEADER_BYTES, 0);
    let pos = HEADER_BYTES;
    for (const [name] of SECTIONS) {
      const arr = a[name];
      const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
      for (let o = 0; o < bytes.length; o += CHUNK) {
        const part = bytes.subarray(o, Math.min(bytes.length, o + CHUNK));
        await fh.write(part, 0, part.length, pos + o);
      }
      pos += align8(bytes.length);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/**
 * Loads a snapshot: each section is read straight into its own SharedArrayBuffer (no per-element
 * work), so the graph can be handed to worker threads. Throws on a bad magic, version or size.
 */
export async function loadSnapshot(path: string): Promise<ContactGraph> {
  const fh = await open(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await fh.read(header, 0, HEADER_BYTES, 0);
    if (bytesRead < HEADER_BYTES || header.toString('latin1', 0, 8) !== MAGIC) {
      throw new Error(`${path}: not a contact-graph snapshot`);
    }
    const version = header.readUInt32LE(8);
    if (version !== VERSION || header.readUInt32LE(12) !== SECTIONS.length) {
      throw new Error(`${path}: unsupported snapshot version ${version}`);
    }
    const n = header.readDoubleLE(16);
    const m = header.readDoubleLE(24);
    const fileSize = (await fh.stat()).size;
    const out: Partial<Record<SectionName, Section>> = {};
    for (let i = 0; i < SECTIONS.length; i++) {
      const [name, ctor, lengthOf] = SECTIONS[i]!;
      const offset = header.readDoubleLE(40 + i * 16);
      const len = header.readDoubleLE(48 + i * 16);
      if (len !== lengthOf(n, m) * ctor.BYTES_PER_ELEMENT || offset + len > fileSize) {
        throw new Error(`${path}: section ${name} is corrupt or truncated`);
      }
      const sab = new SharedArrayBuffer(len);
      const bytes = new Uint8Array(sab);
      for (let o = 0; o < len; o += CHUNK) {
        const want = Math.min(CHUNK, len - o);
        const r = await fh.read(bytes, o, want, offset + o);
        if (r.bytesRead !== want) throw new Error(`${path}: short read in section ${name}`);
      }
      out[name] = ctor.over(sab);
    }
    return new ContactGraph({
      ...(out as Pick<ContactGraphArrays, SectionName>),
      nodeCount: n,
      pairCount: m,
      highDegreeThreshold: header.readDoubleLE(32),
    });
  } finally {
    await fh.close();
  }
}

function align8(x: number): number {
  return Math.ceil(x / 8) * 8;
}
