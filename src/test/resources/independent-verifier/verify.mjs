#!/usr/bin/env node
// Independent transparency-log verifier, written from the public texts only:
//   RFC 9162 §2.1        Merkle Tree hashing; §2.1.3.2 inclusion and §2.1.4.2 consistency verification
//   C2SP signed-note     note format, Ed25519 signatures, key IDs, verifier keys (vkeys)
//   C2SP tlog-checkpoint checkpoint note text (origin, tree size, root hash, extension lines)
//   C2SP tlog-tiles      tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>] resources
// Node.js >= 20, no npm dependencies (node:crypto, node:fs, global fetch).
//
// Usage: node verify.mjs --log <base URL> --vkey '<vkey>' [--old-checkpoint FILE] [--save-checkpoint FILE]
// Exit: 0 all checks passed, 1 a check failed ("FAILED: ..."), 2 usage or network error ("ERROR: ...").
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

export class Failure extends Error {} // a verification check failed -> exit 1
export class Fatal extends Error {}   // usage or network problem     -> exit 2
const fail = (msg) => { throw new Failure(msg); };

const USAGE = "usage: node verify.mjs --log <base URL> --vkey '<name>+<keyid>+<base64 key>' " +
  '[--old-checkpoint FILE] [--save-checkpoint FILE]';
const TILE_WIDTH = 256;          // C2SP tlog-tiles: tile height 8 -> 256 hashes per full tile
const INCLUSION_SAMPLE = 2000;   // above this many leaves, sample inclusion proofs
const CONSISTENCY_SAMPLE = 200;  // above this many sizes, sample consistency proofs
const MAX_SIGNATURES = 100;      // signed-note: verifiers MUST accept at least 16
const MAX_NOTE_BYTES = 1 << 20;
const HTTP_TIMEOUT_MS = 30000;

// ---------------------------------------------------------------- RFC 9162 §2.1 hashing
const sha256 = (...parts) => { const h = crypto.createHash('sha256'); for (const p of parts) h.update(p); return h.digest(); };
export const EMPTY_ROOT = sha256();                                        // MTH({}) = HASH()
export const leafHash = (entry) => sha256(Buffer.of(0x00), entry);        // MTH({d0}) = HASH(0x00 || d0)
export const nodeHash = (left, right) => sha256(Buffer.of(0x01), left, right); // HASH(0x01 || l || r)
const b64 = (buf) => buf.toString('base64');
const half = (x) => Math.floor(x / 2);   // right shift without 32-bit truncation
const isPow2 = (x) => { let p = 1; while (p < x) p *= 2; return p === x; };

// RFC 9162 §2.1.1, literal recursive definition, over already leaf-hashed inputs leaves[lo:hi]:
// MTH(D_n) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two smaller than n.
export function mth(leaves, lo = 0, hi = leaves.length) {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[lo];
  let k = 1;
  while (k * 2 < n) k *= 2;
  return nodeHash(mth(leaves, lo, lo + k), mth(leaves, lo + k, hi));
}

// Equivalent incremental form: a stack of perfect-subtree roots whose sizes are the binary digits
// of the tree size, largest first. root() folds them right to left, which is exactly MTH's split.
export class TreeBuilder {
  constructor() { this.stack = []; this.size = 0; }
  push(lh) {
    let h = lh, s = 1;
    while (this.stack.length && this.stack[this.stack.length - 1].s === s) { h = nodeHash(this.stack.pop().h, h); s *= 2; }
    this.stack.push({ h, s });
    this.size++;
  }
  root() {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let r = this.stack[this.stack.length - 1].h;
    for (let i = this.stack.length - 2; i >= 0; i--) r = nodeHash(this.stack[i].h, r);
    return r;
  }
}

// RFC 9162 §2.1.3.2 Verifying an Inclusion Proof. Returns true/false; all hashes are 32-byte Buffers.
export function verifyInclusion(leafIndex, treeSize, hash, inclusionPath, rootHash) {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0) return false;
  if (leafIndex >= treeSize) return false;                      // 1.
  let fn = leafIndex, sn = treeSize - 1;                        // 2.
  let r = hash;                                                 // 3.
  for (const p of inclusionPath) {                              // 4.
    if (sn === 0) return false;                                 // 4a.
    if (fn % 2 === 1 || fn === sn) {                            // 4b.
      r = nodeHash(p, r);                                       //   i.
      while (fn % 2 === 0 && fn !== 0) { fn = half(fn); sn = half(sn); } // ii.
    } else {
      r = nodeHash(r, p);                                       //   otherwise i.
    }
    fn = half(fn); sn = half(sn);                               // 4c.
  }
  return sn === 0 && r.equals(rootHash);                        // 5.
}

// RFC 9162 §2.1.4.2 Verifying Consistency between Two Tree Heads (stated for 0 < first < second).
// Edge cases outside that precondition, from §2.1.4.1 (PROOF(m, D_m) is empty) and MTH({}):
// first == second needs an empty path and equal roots; first == 0 needs an empty path and an empty-tree root.
export function verifyConsistency(first, second, firstHash, secondHash, consistencyPath) {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === second) return consistencyPath.length === 0 && firstHash.equals(secondHash);
  if (first === 0) return consistencyPath.length === 0 && firstHash.equals(EMPTY_ROOT);
  let path = consistencyPath;
  if (path.length === 0) return false;                          // 1.
  if (isPow2(first)) path = [firstHash, ...path];               // 2.
  let fn = first - 1, sn = second - 1;                          // 3.
  while (fn % 2 === 1) { fn = half(fn); sn = half(sn); }        // 4.
  let fr = path[0], sr = path[0];                               // 5.
  for (const c of path.slice(1)) {                              // 6.
    if (sn === 0) return false;                                 // 6a.
    if (fn % 2 === 1 || fn === sn) {                            // 6b.
      fr = nodeHash(c, fr); sr = nodeHash(c, sr);               //   i.
      while (fn % 2 === 0 && fn !== 0) { fn = half(fn); sn = half(sn); } // ii.
    } else {
      sr = nodeHash(sr, c);                                     //   otherwise i.
    }
    fn = half(fn); sn = half(sn);                               // 6c.
  }
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0; // 7.
}

// ---------------------------------------------------------------- encodings
// Strict standard base64 (RFC 4648 §4, padded, canonical), as used by signed-note and tlog-checkpoint.
export function decodeB64(s, what, len) {
  if (typeof s !== 'string' || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) fail(`${what}: not standard padded base64`);
  const buf = Buffer.from(s, 'base64');
  if (buf.toString('base64') !== s) fail(`${what}: non-canonical base64`);
  if (len !== undefined && buf.length !== len) fail(`${what}: decodes to ${buf.length} bytes, expected ${len}`);
  return buf;
}

// signed-note: key names MUST be non-empty and MUST NOT contain Unicode spaces or '+'.
function checkKeyName(name, what) {
  if (name === '' || /[\s\u0085+]/u.test(name)) fail(`${what}: invalid key name ${JSON.stringify(name)}`);
}

// signed-note "Verifier keys": <key name>+hex(32-bit key ID)+base64(signature type || public key).
// Only Ed25519 (type 0x01, 32-byte key) is accepted; the key ID is recomputed and must match.
export function parseVkey(vkey) {
  if (typeof vkey !== 'string') fail('vkey: missing');
  const i = vkey.indexOf('+'), j = vkey.indexOf('+', i + 1);   // the name has no '+'; the base64 may
  if (i < 0 || j < 0) fail('vkey: expected <name>+<keyid>+<key>');
  const name = vkey.slice(0, i), idHex = vkey.slice(i + 1, j), keyB64 = vkey.slice(j + 1);
  checkKeyName(name, 'vkey');
  if (!/^[0-9a-f]{8}$/.test(idHex)) fail('vkey: key ID must be 8 lowercase hex digits');
  const key = decodeB64(keyB64, 'vkey key', 33);
  if (key[0] !== 0x01) fail(`vkey: unsupported signature type 0x${key[0].toString(16).padStart(2, '0')} (only Ed25519 0x01)`);
  // key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]
  const id = sha256(Buffer.from(name, 'utf8'), Buffer.of(0x0a), key).subarray(0, 4);
  if (id.toString('hex') !== idHex) fail(`vkey: key ID ${idHex} does not match the key (computed ${id.toString('hex')})`);
  const pub = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.subarray(1).toString('base64url') }, format: 'jwk' });
  return { name, id, idHex, pub };
}

// signed-note "Format" and "Signatures": returns the verified note text (including its final newline).
export function openNote(bytes, vk, what = 'note') {
  if (bytes.length > MAX_NOTE_BYTES) fail(`${what}: larger than ${MAX_NOTE_BYTES} bytes`);
  let s;
  try { s = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); } catch { fail(`${what}: not valid UTF-8`); }
  if (/[\u0000-\u0009\u000b-\u001f]/.test(s)) fail(`${what}: contains an ASCII control character other than newline`);
  if (!s.endsWith('\n')) fail(`${what}: does not end with a newline`);
  const sep = s.lastIndexOf('\n\n');  // the text is separated from the signatures by the last empty line
  if (sep < 0) fail(`${what}: no blank line before the signatures`);
  const text = s.slice(0, sep + 1);
  const sigLines = s.slice(sep + 2).split('\n').slice(0, -1);
  if (sigLines.length === 0) fail(`${what}: no signature lines`);
  if (sigLines.length > MAX_SIGNATURES) fail(`${what}: more than ${MAX_SIGNATURES} signatures`);
  let verified = 0;
  for (const line of sigLines) {
    const m = /^\u2014 ([^ ]+) ([^ ]+)$/u.exec(line);          // em dash, space, key name, space, base64
    if (!m) fail(`${what}: malformed signature line ${JSON.stringify(line)}`);
    checkKeyName(m[1], `${what} signature line`);
    const sig = decodeB64(m[2], `${what} signature by ${m[1]}`);
    if (sig.length < 5) fail(`${what}: signature by ${m[1]} is too short`);
    // Ignore signatures from unknown keys (name and ID must both match the known key).
    if (m[1] !== vk.name || !sig.subarray(0, 4).equals(vk.id)) continue;
    const ok = sig.length === 68 && crypto.verify(null, Buffer.from(text, 'utf8'), vk.pub, sig.subarray(4));
    if (!ok) fail(`${what}: INVALID signature from known key ${vk.name}+${vk.idHex}`);  // SHOULD reject the note
    verified++;
  }
  if (verified === 0) fail(`${what}: no signature from key ${vk.name}+${vk.idHex}`);  // MUST reject
  return text;
}

// C2SP tlog-checkpoint "Note text": origin, tree size (decimal, no leading zeroes), base64 root hash,
// then optional extension lines; every line non-empty.
export function parseCheckpoint(text, what = 'checkpoint') {
  const lines = text.split('\n').slice(0, -1);   // text ends with a newline
  if (lines.length < 3) fail(`${what}: fewer than 3 lines`);
  if (lines.some((l) => l === '')) fail(`${what}: contains an empty line`);
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine)) fail(`${what}: bad tree size line ${JSON.stringify(sizeLine)}`);
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) fail(`${what}: tree size ${sizeLine} too large for this verifier`);
  const root = decodeB64(rootLine, `${what} root hash`, 32);
  return { origin, size, root, extensions };
}

// Signature check + strict parse + origin == key name (the service under test promises that).
export function openCheckpoint(bytes, vk, what) {
  const cp = parseCheckpoint(openNote(bytes, vk, what), what);
  if (cp.origin !== vk.name) fail(`${what}: origin ${JSON.stringify(cp.origin)} differs from key name ${JSON.stringify(vk.name)}`);
  return cp;
}

// C2SP tlog-tiles: <N> as zero-padded 3-digit path elements, all but the last prefixed with 'x'.
export function tileIndexPath(n) {
  let s = String(n);
  while (s.length % 3 !== 0) s = '0' + s;
  const parts = s.match(/.{3}/g);
  return parts.map((p, i) => (i < parts.length - 1 ? 'x' + p : p)).join('/');
}
// kind is a level number (hash tiles) or 'entries' (entry bundles); width < 256 means a partial tile.
export const tilePath = (kind, n, width = TILE_WIDTH) =>
  `tile/${kind}/${tileIndexPath(n)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;

// tlog-tiles "Log entries": a bundle is a sequence of big-endian uint16 length-prefixed entries.
export function parseBundle(buf, count, what) {
  const entries = [];
  let off = 0;
  while (off < buf.length) {
    if (off + 2 > buf.length) fail(`${what}: truncated length prefix at byte ${off}`);
    const len = buf.readUInt16BE(off);
    off += 2;
    if (off + len > buf.length) fail(`${what}: entry ${entries.length} truncated`);
    entries.push(buf.subarray(off, off + len));
    off += len;
  }
  if (entries.length !== count) fail(`${what}: holds ${entries.length} entries, expected ${count}`);
  return entries;
}

// ---------------------------------------------------------------- HTTP
async function httpGet(io, base, rel) {
  const url = new URL(rel, base);
  try {
    const res = await io.fetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), url };
  } catch (e) {
    throw new Fatal(`network error on GET ${url}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
  }
}
async function getOk(io, base, rel, what) {
  const r = await httpGet(io, base, rel);
  if (r.status !== 200) fail(`${what}: GET ${r.url} returned HTTP ${r.status}`);
  return r.body;
}
async function getJson(io, base, rel, what) {
  const body = await getOk(io, base, rel, what);
  try { return JSON.parse(body.toString('utf8')); } catch { fail(`${what}: response is not JSON`); }
}
// A partial tile may be deleted once the full tile exists (tlog-tiles "Partial Tiles"); then fall
// back to the full tile. Returns the raw body and the width of the tile it came from.
async function getTile(io, base, kind, n, width, what) {
  const r = await httpGet(io, base, tilePath(kind, n, width));
  if (r.status === 200) return { body: r.body, width };
  if (r.status === 404 && width < TILE_WIDTH) {
    const f = await httpGet(io, base, tilePath(kind, n));
    if (f.status === 200) return { body: f.body, width: TILE_WIDTH };
  }
  fail(`${what}: GET ${r.url} returned HTTP ${r.status}`);
}
async function getHashTile(io, base, level, n, width) {
  const what = `[2] ${tilePath(level, n, width)}`;
  const t = await getTile(io, base, level, n, width, what);
  if (t.body.length !== t.width * 32) fail(`${what}: ${t.body.length} bytes, expected ${t.width * 32}`);
  return t.body.subarray(0, width * 32);
}
async function getBundle(io, base, n, width) {
  const what = `[2] ${tilePath('entries', n, width)}`;
  const t = await getTile(io, base, 'entries', n, width, what);
  return parseBundle(t.body, t.width, what).slice(0, width);
}

function proofPath(arr, what) {
  if (!Array.isArray(arr)) fail(`${what}: missing array`);
  return arr.map((p, k) => decodeB64(p, `${what}[${k}]`, 32));
}
async function getConsistencyPath(io, base, m, n, what) {
  const j = await getJson(io, base, `v1/proof/consistency?old=${m}&new=${n}`, what);
  if (j.first !== m || j.second !== n) fail(`${what}: response is for first=${j.first} second=${j.second}`);
  return proofPath(j.consistency_path, `${what} consistency_path`);
}

// Deterministic samples: evenly spaced, always including the ends (and n-1 for consistency).
export function inclusionIndices(n) {
  if (n <= INCLUSION_SAMPLE) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: INCLUSION_SAMPLE }, (_, k) => Math.floor((k * (n - 1)) / (INCLUSION_SAMPLE - 1)));
}
export function consistencySizes(n) {
  if (n <= CONSISTENCY_SAMPLE) return Array.from({ length: n }, (_, i) => i + 1);
  const inner = Array.from({ length: CONSISTENCY_SAMPLE - 3 }, (_, k) => 1 + Math.floor(((k + 1) * (n - 2)) / (CONSISTENCY_SAMPLE - 2)));
  return [1, ...inner, n - 1, n];
}

// ---------------------------------------------------------------- the checks
function parseArgs(argv) {
  const opts = {};
  const names = { '--log': 'log', '--vkey': 'vkey', '--old-checkpoint': 'old', '--save-checkpoint': 'save' };
  for (let i = 0; i < argv.length; i++) {
    const key = names[argv[i]];
    if (!key || i + 1 >= argv.length || opts[key] !== undefined) throw new Fatal(`bad argument ${JSON.stringify(argv[i])}\n${USAGE}`);
    opts[key] = argv[++i];
  }
  if (!opts.log || !opts.vkey) throw new Fatal(USAGE);
  let base;
  try { base = new URL(opts.log.endsWith('/') ? opts.log : opts.log + '/'); } catch { throw new Fatal(`bad --log URL\n${USAGE}`); }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Fatal(`--log must be http(s)\n${USAGE}`);
  try { opts.vk = parseVkey(opts.vkey); } catch (e) { throw new Fatal(`bad --vkey: ${e.message}`); }
  if (opts.old !== undefined) try { opts.oldBytes = fs.readFileSync(opts.old); } catch (e) { throw new Fatal(`cannot read --old-checkpoint: ${e.message}`); }
  return { ...opts, base };
}

async function verifyLog(opts, io) {
  const { base, vk } = opts;
  const hex = (b) => b.toString('hex');

  // [1] checkpoint: signed-note signature by the vkey, then tlog-checkpoint body.
  const cpBytes = await getOk(io, base, 'checkpoint', '[1] checkpoint');
  const cp = openCheckpoint(cpBytes, vk, '[1] checkpoint');
  const n = cp.size;
  io.print(`[1] checkpoint: Ed25519 signature by ${vk.name}+${vk.idHex} OK; origin ${cp.origin}, size ${n}, root ${b64(cp.root)}` +
    (cp.extensions.length ? `, ${cp.extensions.length} extension line(s)` : ''));

  // [2] replay: every level-0 tile and entry bundle, leaf hashes, RFC 9162 root, higher-level tiles.
  const sizes = consistencySizes(n), wanted = new Set(sizes);
  const leaves = new Array(n);
  const builder = new TreeBuilder();
  const prefixRoots = new Map();
  let tiles = 0;
  for (let t = 0; t * TILE_WIDTH < n; t++) {
    const width = Math.min(TILE_WIDTH, n - t * TILE_WIDTH);
    const hashes = await getHashTile(io, base, 0, t, width);
    const entries = await getBundle(io, base, t, width);
    tiles++;
    for (let i = 0; i < width; i++) {
      const idx = t * TILE_WIDTH + i, lh = leafHash(entries[i]), tileHash = hashes.subarray(i * 32, i * 32 + 32);
      if (!lh.equals(tileHash)) {
        fail(`[2] entry ${idx}: SHA-256(0x00||entry) = ${hex(lh)} but ${tilePath(0, t, width)} has ${hex(tileHash)}`);
      }
      leaves[idx] = lh;
      builder.push(lh);
      if (wanted.has(idx + 1)) prefixRoots.set(idx + 1, builder.root());
    }
  }
  const root = mth(leaves);
  if (!root.equals(builder.root())) throw new Error('internal error: recursive and incremental MTH disagree');
  if (!root.equals(cp.root)) fail(`[2] root of the ${n} replayed entries is ${b64(root)} but the checkpoint says ${b64(cp.root)}`);
  // Level L >= 1 tiles: hash i of tile t is MTH(D[(t*256+i)*256**L : (t*256+i+1)*256**L]) (tlog-tiles).
  let level = leaves, higher = 0; // level L holds the node hashes at height 8*L
  for (let L = 1; ; L++) {
    const next = [];
    for (let k = 0; (k + 1) * TILE_WIDTH <= level.length; k++) next.push(mth(level, k * TILE_WIDTH, (k + 1) * TILE_WIDTH));
    if (next.length === 0) break;
    for (let t = 0; t * TILE_WIDTH < next.length; t++) {
      const width = Math.min(TILE_WIDTH, next.length - t * TILE_WIDTH);
      const hashes = await getHashTile(io, base, L, t, width);
      for (let i = 0; i < width; i++) {
        const want = next[t * TILE_WIDTH + i], got = hashes.subarray(i * 32, i * 32 + 32);
        if (!got.equals(want)) {
          const first = (t * TILE_WIDTH + i) * TILE_WIDTH ** L;
          fail(`[2] ${tilePath(L, t, width)} hash ${i} is ${hex(got)} but MTH(entries ${first}..${first + TILE_WIDTH ** L - 1}) is ${hex(want)}`);
        }
        higher++;
      }
    }
    level = next;
  }
  io.print(`[2] replay: ${n} entries in ${tiles} entry bundle(s) match their level-0 tile hashes; ` +
    `recomputed RFC 9162 root matches the checkpoint; ${higher} hash(es) in level>=1 tiles match`);

  // [3] inclusion proofs against the checkpoint (RFC 9162 §2.1.3.2).
  const indices = inclusionIndices(n);
  for (const i of indices) {
    const what = `[3] inclusion proof index=${i} size=${n}`;
    const j = await getJson(io, base, `v1/proof/inclusion?index=${i}&size=${n}`, what);
    if (j.leaf_index !== i || j.tree_size !== n) fail(`${what}: response is for leaf_index=${j.leaf_index} tree_size=${j.tree_size}`);
    const lh = decodeB64(j.leaf_hash, `${what} leaf_hash`, 32);
    if (!lh.equals(leaves[i])) fail(`${what}: leaf_hash ${hex(lh)} differs from replayed leaf hash ${hex(leaves[i])}`);
    const path = proofPath(j.inclusion_path, `${what} inclusion_path`);
    if (!verifyInclusion(i, n, leaves[i], path, cp.root)) fail(`${what}: does not verify against the checkpoint root (${path.length} hashes)`);
  }
  io.print(`[3] inclusion: ${indices.length} proof(s) verified against the checkpoint root` +
    (indices.length < n ? ` (deterministic sample of ${n} leaves)` : ' (every leaf)'));

  // [4] consistency proofs (m, n) with self-computed old roots (RFC 9162 §2.1.4.2).
  for (const m of sizes) {
    const what = `[4] consistency proof old=${m} new=${n}`;
    const path = await getConsistencyPath(io, base, m, n, what);
    if (!verifyConsistency(m, n, prefixRoots.get(m), cp.root, path)) {
      fail(`${what}: does not verify from replayed root ${b64(prefixRoots.get(m))} to the checkpoint root (${path.length} hashes)`);
    }
  }
  io.print(`[4] consistency: ${sizes.length} proof(s) verified` + (sizes.length < n ? ` (sample of sizes 1..${n})` : ` (every size 1..${n})`));

  // [5] an older checkpoint must be a prefix of this one: no ROLLBACK, no FORK.
  if (opts.oldBytes) {
    const old = openCheckpoint(opts.oldBytes, vk, '[5] old checkpoint');
    const a = old.size;
    if (a > n) fail(`[5] ROLLBACK: the log's checkpoint has size ${n}, smaller than the old checkpoint's size ${a}`);
    if (a > 0) {
      const path = await getConsistencyPath(io, base, a, n, `[5] consistency proof old=${a} new=${n}`);
      if (!verifyConsistency(a, n, old.root, cp.root, path)) {
        fail(`[5] FORK: old checkpoint (size ${a}, root ${b64(old.root)}) is not consistent with the current checkpoint ` +
          `(size ${n}, root ${b64(cp.root)}): the consistency proof does not verify`);
      }
    }
    const replayed = mth(leaves, 0, a);
    if (!old.root.equals(replayed)) {
      fail(`[5] FORK: old checkpoint root ${b64(old.root)} differs from the root ${b64(replayed)} of the first ${a} replayed entries`);
    }
    io.print(`[5] old checkpoint: size ${a} root ${b64(old.root)} is consistent with size ${n} (no fork, no rollback)`);
  } else {
    io.print('[5] old checkpoint: not given, skipped');
  }

  if (opts.save !== undefined) {
    try { fs.writeFileSync(opts.save, cpBytes); } catch (e) { throw new Fatal(`cannot write --save-checkpoint: ${e.message}`); }
    io.print(`saved checkpoint to ${opts.save}`);
  }
  io.print(`OK: verified ${n} entries, root ${b64(cp.root)}`);
}

// Runs the verifier; returns the exit code. io = { fetch, print } (injectable for the self-test).
export async function run(argv, io = { fetch: globalThis.fetch, print: (s) => console.log(s) }) {
  try {
    await verifyLog(parseArgs(argv), io);
    return 0;
  } catch (e) {
    if (e instanceof Failure) { io.print(`FAILED: ${e.message}`); return 1; }
    if (e instanceof Fatal) { io.print(`ERROR: ${e.message}`); return 2; }
    io.print(`ERROR: ${e.stack ?? e}`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2));
}
