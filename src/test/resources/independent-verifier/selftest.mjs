#!/usr/bin/env node
// Self-test for verify.mjs; no network (the end-to-end part uses an in-memory log behind a fake fetch).
// Run: node selftest.mjs        (exit 0 when every check passes)
//
// Vectors used:
//  * RFC 6962 / certificate-transparency 8-leaf reference tree: leaves, roots of sizes 1..8, inclusion
//    and consistency proofs, as published in transparency-dev/merkle proof/verify_test.go (carried over
//    from the certificate-transparency C++ merkle tree tests), and its proof-corruption probes.
//  * C2SP signed-note "Verifier keys / Example" (example.com/foo) and the PeterNeumann example of the
//    golang.org/x/mod/sumdb/note package documentation (the format signed-note was derived from).
//  * C2SP tlog-checkpoint example body, C2SP tlog-tiles path example (1234067 -> x001/x234/067) and
//    its 70,000-leaf tile-set example.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as V from './verify.mjs';

let passed = 0, failed = 0;
function check(name, cond) {
  if (cond) passed++;
  else { failed++; console.log(`  FAIL: ${name}`); }
}
async function section(title, fn) {
  const before = passed + failed, failedBefore = failed;
  await fn();
  console.log(`${failed === failedBefore ? 'ok  ' : 'FAIL'} ${title} (${passed + failed - before} checks)`);
}
const h = (s) => Buffer.from(s, 'hex');
const rejects = (f) => { try { f(); return false; } catch (e) { return e instanceof V.Failure; } };
const sha256 = (...p) => { const x = crypto.createHash('sha256'); for (const b of p) x.update(b); return x.digest(); };

// ---------------------------------------------------------------- RFC 6962 reference vectors
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(h);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
const EMPTY = h('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
const SOME = h('abacaba000000000000000000000000000000000000000000060061e00123456');
// Inclusion vectors: 0-based leaf index, tree size, audit path.
const INCLUSION = [
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
].map(([i, n, p]) => [i, n, p.map(h)]);
const CONSISTENCY = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
].map(([a, b, p]) => [a, b, p.map(h)]);

const flipped = (proof, k, bit) => proof.map((x, j) => (j === k ? Buffer.from(x.map((c, q) => (q === 0 ? c ^ bit : c))) : x));

// ---------------------------------------------------------------- RFC 9162 proof generation (for tests)
// §2.1.3.1 PATH(m, D[n]) and §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), over leaf hashes
// leaves[lo:hi], with MTH memoised per (lo, hi) so large trees stay cheap.
function prover(leaves) {
  const memo = new Map();
  const M = (lo, hi) => {
    const key = lo * 2 ** 26 + hi;
    if (!memo.has(key)) {
      const n = hi - lo;
      let v;
      if (n === 0) v = V.EMPTY_ROOT;
      else if (n === 1) v = leaves[lo];
      else { let k = 1; while (k * 2 < n) k *= 2; v = V.nodeHash(M(lo, lo + k), M(lo + k, hi)); }
      memo.set(key, v);
    }
    return memo.get(key);
  };
  const PATH = (m, lo, hi) => {
    const n = hi - lo;
    if (n <= 1) return [];
    let k = 1; while (k * 2 < n) k *= 2;
    return m < k ? [...PATH(m, lo, lo + k), M(lo + k, hi)] : [...PATH(m - k, lo + k, hi), M(lo, lo + k)];
  };
  const SUBPROOF = (m, lo, hi, b) => {
    const n = hi - lo;
    if (m === n) return b ? [] : [M(lo, hi)];
    let k = 1; while (k * 2 < n) k *= 2;
    return m <= k ? [...SUBPROOF(m, lo, lo + k, b), M(lo + k, hi)] : [...SUBPROOF(m - k, lo + k, hi, false), M(lo, lo + k)];
  };
  return { mth: M, inclusion: (i, n) => PATH(i, 0, n), consistency: (m, n) => SUBPROOF(m, 0, n, true) };
}

// ---------------------------------------------------------------- notes and the fake log
// Ed25519 private key from a 32-byte seed (PKCS#8 wrapping of RFC 8410).
const privFromSeed = (seed) => crypto.createPrivateKey({ key: Buffer.concat([h('302e020100300506032b657004220420'), seed]), format: 'der', type: 'pkcs8' });
function makeSigner(name, seed) {
  const priv = privFromSeed(seed);
  const pub = Buffer.from(crypto.createPublicKey(priv).export({ format: 'jwk' }).x, 'base64url');
  const typed = Buffer.concat([Buffer.of(0x01), pub]);
  const id = sha256(Buffer.from(name), Buffer.of(0x0a), typed).subarray(0, 4);
  return {
    name, vkey: `${name}+${id.toString('hex')}+${typed.toString('base64')}`,
    sigLine: (text) => `\u2014 ${name} ${Buffer.concat([id, crypto.sign(null, Buffer.from(text), priv)]).toString('base64')}\n`,
    sign(text) { return Buffer.from(text + '\n' + this.sigLine(text)); },
  };
}
const checkpointText = (origin, n, root) => `${origin}\n${n}\n${root.toString('base64')}\n`;
const entryOf = (i, salt = '') => (i === 3 ? Buffer.alloc(0) : i === 7 ? Buffer.alloc(300, i) : Buffer.from(`entry ${i}${salt}`));

// An in-memory tlog-tiles log: tiles for every size in `sizes`, proofs computed on demand.
function makeLog(signer, entries, cpSize, sizes = [cpSize]) {
  const leaves = entries.map(V.leafHash);
  const P = prover(leaves);
  const files = new Map();
  for (const s of sizes) {
    for (let L = 0; 256 ** L <= s; L++) {
      const span = 256 ** L, count = Math.floor(s / span);
      for (let t = 0; t * 256 < count; t++) {
        const w = Math.min(256, count - t * 256);
        const hashes = [];
        for (let i = 0; i < w; i++) hashes.push(P.mth((t * 256 + i) * span, (t * 256 + i + 1) * span));
        files.set(V.tilePath(L, t, w), Buffer.concat(hashes));
        if (L === 0) {
          const parts = [];
          for (let i = 0; i < w; i++) {
            const e = entries[t * 256 + i], len = Buffer.alloc(2);
            len.writeUInt16BE(e.length);
            parts.push(len, e);
          }
          files.set(V.tilePath('entries', t, w), Buffer.concat(parts));
        }
      }
    }
  }
  const root = P.mth(0, cpSize);
  files.set('checkpoint', signer.sign(checkpointText(signer.name, cpSize, root)));
  return { files, root, P, cp: files.get('checkpoint') };
}
const BASE = 'http://log.invalid/log';
function fakeFetch(log, tamper = {}, fetched = []) {
  return async (url) => {
    const u = new URL(url);
    const rel = u.pathname.slice('/log/'.length);
    fetched.push(rel);
    const q = (k) => Number(u.searchParams.get(k));
    let body;
    if (rel === 'v1/proof/inclusion') {
      const i = q('index'), n = q('size');
      body = { leaf_index: i, tree_size: n, leaf_hash: log.P.mth(i, i + 1).toString('base64'), inclusion_path: log.P.inclusion(i, n).map((x) => x.toString('base64')) };
    } else if (rel === 'v1/proof/consistency') {
      const a = q('old'), b = q('new');
      body = { first: a, second: b, consistency_path: log.P.consistency(a, b).map((x) => x.toString('base64')) };
    } else if (log.files.has(rel)) {
      body = log.files.get(rel);
    } else {
      return new Response('not found', { status: 404 });
    }
    if (tamper[rel]) body = tamper[rel](body, u);
    if (tamper.any) body = tamper.any(body, u);
    return new Response(Buffer.isBuffer(body) ? body : JSON.stringify(body), { status: 200 });
  };
}
async function runV(args, fetch) {
  const out = [];
  const code = await V.run(args, { fetch, print: (s) => out.push(s) });
  return { code, out, last: out[out.length - 1] ?? '' };
}

// ================================================================ tests
await section('RFC 6962 hashing: empty tree, leaf hashes, roots of the 8-leaf reference tree (sizes 1..8)', () => {
  check('MTH({}) = SHA-256("")', V.mth([]).equals(EMPTY) && V.EMPTY_ROOT.equals(EMPTY));
  const lh = LEAVES.map(V.leafHash);
  check('leaf hash of the empty entry', lh[0].equals(ROOTS[0]));
  const b = new V.TreeBuilder();
  for (let k = 1; k <= 8; k++) {
    b.push(lh[k - 1]);
    check(`recursive MTH size ${k}`, V.mth(lh.slice(0, k)).equals(ROOTS[k - 1]));
    check(`incremental MTH size ${k}`, b.root().equals(ROOTS[k - 1]));
  }
});

await section('RFC 9162 §2.1.3.2 inclusion: reference proofs verify, corrupted ones are rejected', () => {
  const lh = LEAVES.map(V.leafHash);
  for (const [i, n, p] of INCLUSION) {
    const root = ROOTS[n - 1], leaf = lh[i];
    check(`inclusion ${i}/${n}`, V.verifyInclusion(i, n, leaf, p, root));
    const bad = [
      ['index-1', i - 1, n, leaf, p, root], ['index+1', i + 1, n, leaf, p, root], ['index^2', i ^ 2, n, leaf, p, root],
      ['size*2', i, n * 2, leaf, p, root], ['size/2', i, Math.floor(n / 2), leaf, p, root],
      ['wrong leaf', i, n, SOME, p, root], ['empty root', i, n, leaf, p, EMPTY], ['random root', i, n, leaf, p, SOME],
      ['trailing garbage', i, n, leaf, [...p, Buffer.alloc(0)], root], ['trailing root', i, n, leaf, [...p, root], root],
      ['preceding garbage', i, n, leaf, [Buffer.alloc(0), ...p], root], ['preceding root', i, n, leaf, [root, ...p], root],
      ['removed component', i, n, leaf, p.slice(0, -1), root],
      ...p.map((_, k) => [`flipped bit in proof[${k}]`, i, n, leaf, flipped(p, k, 8), root]),
    ];
    if (p.length > 1) bad.push(['inserted component', i, n, leaf, [p[0], SOME, ...p.slice(1)], root]);
    for (const [d, ...a] of bad) check(`inclusion ${i}/${n} rejects ${d}`, !V.verifyInclusion(...a));
  }
  check('single-leaf tree, empty proof', V.verifyInclusion(0, 1, lh[3], [], lh[3]));
  for (const [i, n] of [[0, 0], [1, 0], [2, 1]]) check(`index ${i} size ${n} rejected`, !V.verifyInclusion(i, n, SOME, [], EMPTY));
});

await section('RFC 9162 §2.1.4.2 consistency: reference proofs verify, corrupted ones are rejected', () => {
  for (const [a, b, p] of CONSISTENCY) {
    const r1 = ROOTS[a - 1], r2 = ROOTS[b - 1];
    check(`consistency ${a}->${b}`, V.verifyConsistency(a, b, r1, r2, p));
    if (p.length === 0) continue;
    const bad = [
      ['size1-1', a - 1, b, r1, r2, p], ['size1+1', a + 1, b, r1, r2, p], ['size1^2', a ^ 2, b, r1, r2, p],
      ['size2*2', a, b * 2, r1, r2, p], ['size2/2', a, Math.floor(b / 2), r1, r2, p],
      ['wrong root1', a, b, SOME, r2, p], ['wrong root2', a, b, r1, SOME, p], ['swapped roots', a, b, r2, r1, p],
      ['empty proof', a, b, r1, r2, []],
      ['trailing garbage', a, b, r1, r2, [...p, Buffer.alloc(0)]], ['trailing root1', a, b, r1, r2, [...p, r1]],
      ['trailing root2', a, b, r1, r2, [...p, r2]], ['preceding garbage', a, b, r1, r2, [Buffer.alloc(0), ...p]],
      ['preceding root1', a, b, r1, r2, [r1, ...p]], ['preceding root2', a, b, r1, r2, [r2, ...p]],
      ['preceding proof[0]', a, b, r1, r2, [p[0], ...p]], ['truncated', a, b, r1, r2, p.slice(0, -1)],
      ...p.map((_, k) => [`flipped bit in proof[${k}]`, a, b, r1, r2, flipped(p, k, 16)]),
    ];
    for (const [d, ...args] of bad) check(`consistency ${a}->${b} rejects ${d}`, !V.verifyConsistency(...args));
  }
  check('1->1 different roots rejected', !V.verifyConsistency(1, 1, ROOTS[0], ROOTS[1], []));
  check('1->1 non-empty proof rejected', !V.verifyConsistency(1, 1, ROOTS[0], ROOTS[0], [EMPTY]));
  check('2->1 rejected', !V.verifyConsistency(2, 1, ROOTS[1], ROOTS[0], []));
  check('1->2 empty proof rejected', !V.verifyConsistency(1, 2, ROOTS[0], ROOTS[1], []));
  check('0->1 from the empty tree', V.verifyConsistency(0, 1, EMPTY, ROOTS[0], []));
});

await section('every inclusion (i<n) and consistency (m<=n) proof of trees up to 64 leaves, generated per RFC 9162 §2.1.3.1/§2.1.4.1', () => {
  const lh = Array.from({ length: 64 }, (_, i) => V.leafHash(Buffer.from(`leaf ${i}`)));
  const P = prover(lh);
  let ok = true;
  for (let n = 1; n <= 64; n++) {
    const root = P.mth(0, n);
    for (let i = 0; i < n; i++) if (!V.verifyInclusion(i, n, lh[i], P.inclusion(i, n), root)) { ok = false; check(`inclusion ${i}/${n}`, false); }
    for (let m = 1; m <= n; m++) {
      const p = P.consistency(m, n);
      if (!V.verifyConsistency(m, n, P.mth(0, m), root, p)) { ok = false; check(`consistency ${m}->${n}`, false); }
      if (p.length && V.verifyConsistency(m, n, P.mth(0, m), root, flipped(p, p.length - 1, 1))) { ok = false; check(`mutated ${m}->${n}`, false); }
    }
  }
  check('all generated proofs verify, mutated ones do not', ok);
  const big = Array.from({ length: 600 }, (_, i) => V.leafHash(Buffer.from(`x${i}`)));
  const b = new V.TreeBuilder();
  let same = V.mth([]).equals(b.root());
  for (let n = 1; n <= 600; n++) { b.push(big[n - 1]); same &&= V.mth(big, 0, n).equals(b.root()); }
  check('incremental stack MTH equals recursive MTH for sizes 0..600', same);
});

await section('C2SP signed-note: spec example and Go sumdb/note PeterNeumann example verify; mutations rejected', () => {
  const PN_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const PN_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const PN_SIG = '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
  const PN_NOTE = PN_TEXT + '\n' + PN_SIG;
  const C2_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
  const C2_NOTE = 'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
  const pn = V.parseVkey(PN_VKEY), c2 = V.parseVkey(C2_VKEY);
  check('PeterNeumann vkey: name and key ID', pn.name === 'PeterNeumann' && pn.idHex === 'c74f20a3');
  check('PeterNeumann note verifies', V.openNote(Buffer.from(PN_NOTE), pn) === PN_TEXT);
  check('C2SP example.com/foo note verifies', V.openNote(Buffer.from(C2_NOTE), c2) === 'This is an example message.\n');
  // The PeterNeumann signer key of the Go docs re-signs the text byte for byte (Ed25519 is deterministic).
  const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
  check('re-signing with the documented signer key reproduces the note', makeSigner('PeterNeumann', seed).sign(PN_TEXT).toString() === PN_NOTE
    && makeSigner('PeterNeumann', seed).vkey === PN_VKEY);
  const note = (s) => Buffer.from(s);
  const sigB64 = PN_SIG.split(' ')[2].trim(), sigBytes = Buffer.from(sigB64, 'base64');
  const withSig = (buf) => PN_TEXT + '\n\u2014 PeterNeumann ' + buf.toString('base64') + '\n';
  const mutations = {
    'changed text': PN_NOTE.replace('cryptography', 'cryptographY'),
    'flipped signature bit': withSig(Buffer.from(sigBytes.map((c, i) => (i === 10 ? c ^ 1 : c)))),
    'wrong key ID in signature': withSig(Buffer.from(sigBytes.map((c, i) => (i === 0 ? c ^ 1 : c)))),
    'truncated signature': withSig(sigBytes.subarray(0, 67)),
    'wrong key name': PN_NOTE.replace('\u2014 PeterNeumann', '\u2014 PeterNeuman'),
    'hyphen instead of em dash': PN_NOTE.replace('\u2014', '-'),
    'no blank line': PN_TEXT + PN_SIG,
    'no signature': PN_TEXT + '\n',
    'no final newline': PN_NOTE.slice(0, -1),
    'CRLF line ending': PN_NOTE.replace('problem,\n', 'problem,\r\n'),
    'tab character': PN_NOTE.replace('If you', 'If\tyou'),
    'second, invalid signature by the same key': PN_NOTE + withSig(Buffer.from(sigBytes.map((c, i) => (i === 40 ? c ^ 4 : c)))).split('\n\n')[1],
    'only an unknown key signed': PN_TEXT + '\n' + makeSigner('Other', sha256(Buffer.from('o'))).sigLine(PN_TEXT),
    'non-canonical base64 signature': withSig(sigBytes).replace('M=\n', 'N=\n'),
  };
  for (const [d, s] of Object.entries(mutations)) check(`note rejects ${d}`, rejects(() => V.openNote(note(s), pn)));
  check('invalid UTF-8 rejected', rejects(() => V.openNote(Buffer.concat([Buffer.from([0xff]), note(PN_NOTE)]), pn)));
  const extra = PN_NOTE + makeSigner('Other', sha256(Buffer.from('o'))).sigLine(PN_TEXT);
  check('extra signature by an unknown key is ignored', V.openNote(note(extra), pn) === PN_TEXT);
  check('note signed by PeterNeumann does not verify under the C2SP example key', rejects(() => V.openNote(note(PN_NOTE), c2)));
  // vkey strictness (like the Go tests: every proper substring and every single-byte increment fails).
  let allBad = true;
  for (let i = 0; i <= PN_VKEY.length; i++) for (let j = i + 1; j <= PN_VKEY.length; j++) {
    if ((i !== 0 || j !== PN_VKEY.length) && !rejects(() => V.parseVkey(PN_VKEY.slice(i, j)))) allBad = false;
  }
  for (let i = 0; i < PN_VKEY.length; i++) {
    const m = PN_VKEY.slice(0, i) + String.fromCharCode(PN_VKEY.charCodeAt(i) + 1) + PN_VKEY.slice(i + 1);
    if (!rejects(() => V.parseVkey(m))) allBad = false;
  }
  check('every substring / single-character change of the vkey is rejected', allBad);
  check('uppercase key ID rejected', rejects(() => V.parseVkey('PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')));
  check('wrong-length key rejected', rejects(() => V.parseVkey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')));
  check('unknown algorithm rejected', rejects(() => V.parseVkey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')));
});

await section('C2SP tlog-checkpoint body parsing', () => {
  const spec = V.parseCheckpoint('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
  check('spec example parses', spec.origin === 'example.com/behind-the-sofa' && spec.size === 20852163 && spec.root.length === 32);
  const r = EMPTY.toString('base64');
  check('size 0 and extension lines accepted', V.parseCheckpoint(`o\n0\n${r}\next one\next two\n`).extensions.length === 2);
  for (const [d, t] of Object.entries({
    'leading zero': `o\n012\n${r}\n`, 'sign': `o\n+12\n${r}\n`, 'negative': `o\n-1\n${r}\n`, 'hex size': `o\n0x1\n${r}\n`,
    'missing root': 'o\n12\n', 'empty origin': `\n12\n${r}\n`, 'empty extension line': `o\n12\n${r}\n\next\n`,
    '31-byte root': `o\n12\n${EMPTY.subarray(1).toString('base64')}\n`, 'unpadded root': `o\n12\n${r.replace('=', '')}\n`,
    'base64url root': `o\n12\n${h('fb'.repeat(32)).toString('base64url')}=\n`, 'space after size': `o\n12 \n${r}\n`,
  })) check(`checkpoint rejects ${d}`, rejects(() => V.parseCheckpoint(t)));
});

await section('C2SP tlog-tiles paths and entry bundles', () => {
  check('1234067 -> x001/x234/067', V.tileIndexPath(1234067) === 'x001/x234/067');
  check('0 -> 000, 999 -> 999, 1000 -> x001/000', V.tileIndexPath(0) === '000' && V.tileIndexPath(999) === '999' && V.tileIndexPath(1000) === 'x001/000');
  check('partial and entries paths', V.tilePath(0, 2, 88) === 'tile/0/002.p/88' && V.tilePath('entries', 1234067) === 'tile/entries/x001/x234/067'
    && V.tilePath(1, 0, 256) === 'tile/1/000');
  const bundle = h('0000' + '000161' + '0003616263');
  const e = V.parseBundle(bundle, 3, 'b');
  check('bundle parses', e.length === 3 && e[0].length === 0 && e[1].toString() === 'a' && e[2].toString() === 'abc');
  check('bundle with wrong count rejected', rejects(() => V.parseBundle(bundle, 2, 'b')));
  check('truncated bundle rejected', rejects(() => V.parseBundle(bundle.subarray(0, bundle.length - 1), 3, 'b')));
  check('dangling length byte rejected', rejects(() => V.parseBundle(Buffer.concat([bundle, h('00')]), 3, 'b')));
});

// ---------------------------------------------------------------- end to end against a fake log
const signer = makeSigner('example.com/selftest-log', sha256(Buffer.from('selftest log key')));
const other = makeSigner('example.com/selftest-log', sha256(Buffer.from('some other key')));
const ARGS = ['--log', BASE, '--vkey', signer.vkey];
const ENTRIES = Array.from({ length: 800 }, (_, i) => entryOf(i));

await section('end to end: honest logs of sizes 0, 1, 255, 256, 257, 600 verify', async () => {
  for (const n of [0, 1, 255, 256, 257, 600]) {
    const log = makeLog(signer, ENTRIES.slice(0, n), n);
    const r = await runV(ARGS, fakeFetch(log));
    check(`size ${n}: exit 0 and OK line (got ${r.last})`, r.code === 0 && r.last === `OK: verified ${n} entries, root ${log.root.toString('base64')}`);
    check(`size ${n}: one line per check`, ['[1]', '[2]', '[3]', '[4]', '[5]'].every((p, k) => r.out[k].startsWith(p)));
  }
});

await section('end to end: 70,000 leaves fetch exactly the tiles of the tlog-tiles example; sampling', async () => {
  const n = 70000;
  const log = makeLog(signer, Array.from({ length: n }, (_, i) => Buffer.from(`e${i}`)), n);
  const fetched = [];
  const r = await runV(ARGS, fakeFetch(log, {}, fetched));
  check(`exit 0 (got ${r.last})`, r.code === 0);
  const t = (re) => fetched.filter((p) => re.test(p));
  check('273 full level-0 tiles + 1 partial of width 112', t(/^tile\/0\/\d{3}$/).length === 273 && t(/^tile\/0\//).length === 274 && fetched.includes('tile/0/273.p/112'));
  check('level 1: one full tile and a partial of width 17', fetched.includes('tile/1/000') && fetched.includes('tile/1/001.p/17') && t(/^tile\/1\//).length === 2);
  check('level 2: one partial tile of width 1', fetched.includes('tile/2/000.p/1') && t(/^tile\/2\//).length === 1);
  check('2000 inclusion proofs, 200 consistency proofs incl. 1, n-1, n', t(/^v1\/proof\/inclusion/).length === 2000 && t(/^v1\/proof\/consistency/).length === 200);
  check('sampled sizes', JSON.stringify(V.consistencySizes(n).slice(0, 1).concat(V.consistencySizes(n).slice(-2))) === JSON.stringify([1, n - 1, n])
    && new Set(V.consistencySizes(n)).size === 200 && new Set(V.inclusionIndices(n)).size === 2000);
});

await section('end to end: deleted partial tiles fall back to the full tile', async () => {
  const log = makeLog(signer, ENTRIES, 600, [600, 800]);
  log.files.delete('tile/0/002.p/88');
  log.files.delete('tile/entries/002.p/88');
  const r = await runV(ARGS, fakeFetch(log));
  check(`exit 0 (got ${r.last})`, r.code === 0);
});

await section('end to end: tampering, forks and rollbacks are detected', async () => {
  const log = makeLog(signer, ENTRIES.slice(0, 600), 600);
  const flipByte = (off) => (b) => { const c = Buffer.from(b); c[off] ^= 1; return c; };
  const flipPath = (key) => (j) => { const p = [...j[key]]; const x = Buffer.from(p[0], 'base64'); x[5] ^= 1; p[0] = x.toString('base64'); return { ...j, [key]: p }; };
  const when = (cond, f) => (b, u) => (cond(u) ? f(b) : b);
  const expect = async (d, fetch, re, code = 1, args = ARGS) => {
    const r = await runV(args, fetch);
    check(`${d}: exit ${code} and ${re} (got "${r.last}")`, r.code === code && re.test(r.last));
  };
  await expect('entry changed in a bundle', fakeFetch(log, { 'tile/entries/001': flipByte(40) }), /^FAILED: \[2\] entry 2\d\d: /);
  const evil = makeLog(signer, ENTRIES.slice(0, 600).map((e, i) => (i === 300 ? Buffer.from('evil') : e)), 600);
  const mixed = { files: new Map([...evil.files, ['checkpoint', log.cp]]), P: log.P };
  await expect('entry and tile changed together', fakeFetch(mixed), /^FAILED: \[2\] root of the 600 replayed entries/);
  await expect('level-1 tile hash changed', fakeFetch(log, { 'tile/1/000.p/2': flipByte(33) }), /^FAILED: \[2\] tile\/1\/000\.p\/2 hash 1 /);
  await expect('level-0 tile truncated', fakeFetch(log, { 'tile/0/000': (b) => b.subarray(32) }), /^FAILED: \[2\] tile\/0\/000: 8160 bytes/);
  await expect('tile missing', fakeFetch({ ...log, files: new Map([...log.files].filter(([k]) => k !== 'tile/0/001')) }), /^FAILED: \[2\] .*HTTP 404/);
  const incl = (u) => u.pathname.endsWith('inclusion') && u.searchParams.get('index') === '77';
  await expect('inclusion proof bit flipped', fakeFetch(log, { any: when(incl, flipPath('inclusion_path')) }), /^FAILED: \[3\] inclusion proof index=77 size=600: does not verify/);
  await expect('inclusion leaf_hash wrong', fakeFetch(log, { any: when(incl, (j) => ({ ...j, leaf_hash: EMPTY.toString('base64') })) }), /^FAILED: \[3\] .*leaf_hash/);
  await expect('inclusion proof for another index', fakeFetch(log, { any: when(incl, (j) => ({ ...j, leaf_index: 78 })) }), /^FAILED: \[3\] .*leaf_index=78/);
  const cons = (m) => (u) => u.pathname.endsWith('consistency') && u.searchParams.get('old') === String(m);
  await expect('consistency proof bit flipped', fakeFetch(log, { any: when(cons(599), flipPath('consistency_path')) }), /^FAILED: \[4\] consistency proof old=599 new=600: does not verify/);
  await expect('non-empty proof for m = n', fakeFetch(log, { any: when(cons(600), (j) => ({ ...j, consistency_path: [EMPTY.toString('base64')] })) }), /^FAILED: \[4\] consistency proof old=600 /);
  await expect('checkpoint signed by another key', fakeFetch({ ...log, files: new Map([...log.files, ['checkpoint', other.sign(checkpointText(other.name, 600, log.root))]]) }), /^FAILED: \[1\] checkpoint: no signature from key/);
  await expect('checkpoint text altered', fakeFetch(log, { checkpoint: (b) => Buffer.from(b.toString().replace('\n600\n', '\n599\n')) }), /^FAILED: \[1\] checkpoint: INVALID signature/);
  await expect('validly signed wrong root', fakeFetch({ ...log, files: new Map([...log.files, ['checkpoint', signer.sign(checkpointText(signer.name, 600, SOME))]]) }), /^FAILED: \[2\] root/);
  await expect('origin differs from key name', fakeFetch({ ...log, files: new Map([...log.files, ['checkpoint', makeSigner('x.example', sha256(Buffer.from('selftest log key'))).sign(checkpointText('y.example', 600, log.root))]]) }), /^FAILED: \[1\] checkpoint: origin/, 1,
    ['--log', BASE, '--vkey', makeSigner('x.example', sha256(Buffer.from('selftest log key'))).vkey]);

  // --old-checkpoint / --save-checkpoint
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verifier-selftest-'));
  const file = (name, bytes) => { const f = path.join(dir, name); fs.writeFileSync(f, bytes); return f; };
  const older = file('older', makeLog(signer, ENTRIES.slice(0, 300), 300).cp);
  const saved = path.join(dir, 'saved');
  const r = await runV([...ARGS, '--old-checkpoint', older, '--save-checkpoint', saved], fakeFetch(log));
  check(`consistent old checkpoint accepted (got ${r.last})`, r.code === 0 && r.out.some((l) => /^\[5\] old checkpoint: size 300 .* consistent/.test(l)));
  check('--save-checkpoint wrote the verified note', fs.existsSync(saved) && fs.readFileSync(saved).equals(log.cp));
  const same = await runV([...ARGS, '--old-checkpoint', saved], fakeFetch(log));
  check('old checkpoint equal to the current one accepted', same.code === 0);
  const newer = file('newer', makeLog(signer, ENTRIES, 700).cp);
  await expect('ROLLBACK', fakeFetch(log), /^FAILED: \[5\] ROLLBACK: /, 1, [...ARGS, '--old-checkpoint', newer]);
  const forked = file('forked', makeLog(signer, ENTRIES.slice(0, 300).map((e, i) => (i === 5 ? Buffer.from('fork') : e)), 300).cp);
  await expect('FORK (smaller forked checkpoint)', fakeFetch(log), /^FAILED: \[5\] FORK: /, 1, [...ARGS, '--old-checkpoint', forked]);
  const forkSame = file('fork-same', makeLog(signer, ENTRIES.slice(0, 600).map((e, i) => (i === 599 ? Buffer.from('fork') : e)), 600).cp);
  await expect('FORK (same size, different root)', fakeFetch(log), /^FAILED: \[5\] FORK: /, 1, [...ARGS, '--old-checkpoint', forkSame]);
  const badSig = file('bad-sig', other.sign(checkpointText(other.name, 300, log.P.mth(0, 300))));
  await expect('old checkpoint with a foreign signature', fakeFetch(log), /^FAILED: \[5\] old checkpoint: no signature/, 1, [...ARGS, '--old-checkpoint', badSig]);
  fs.rmSync(dir, { recursive: true });

  // exit code 2: network and usage errors
  await expect('network error', async () => { throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }); }, /^ERROR: network error .*ECONNREFUSED/, 2);
  await expect('missing --vkey', fakeFetch(log), /^ERROR: usage/, 2, ['--log', BASE]);
  await expect('malformed --vkey', fakeFetch(log), /^ERROR: bad --vkey/, 2, ['--log', BASE, '--vkey', signer.vkey.replace(/\+(.)/, '+0')]);
  await expect('unknown option', fakeFetch(log), /^ERROR: bad argument/, 2, [...ARGS, '--bogus', 'x']);
  await expect('unreadable --old-checkpoint', fakeFetch(log), /^ERROR: cannot read/, 2, [...ARGS, '--old-checkpoint', path.join(dir, 'nope')]);
});

console.log(failed === 0 ? `selftest: all ${passed} checks passed` : `selftest: ${failed} of ${passed + failed} checks FAILED`);
process.exitCode = failed === 0 ? 0 : 1;
