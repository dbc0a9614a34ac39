// Recomputes the pairwise derivations of docs/forums.md ("Pairwise derivations") from that text alone, with Node's
// crypto module: node pseudonym-vectors.mjs [path/to/docs/forums.md]. Prints the values the document lists.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';

const docs = readFileSync(process.argv[2] ?? 'docs/forums.md', 'utf8');
const words = (marker) => {
  const at = docs.indexOf(`<!-- ${marker}`);
  const block = docs.slice(docs.indexOf('```text\n', at) + 8);
  const list = block.slice(0, block.indexOf('```')).split(/\s+/).filter(Boolean);
  if (list.length !== 256) throw new Error(`${marker}: ${list.length} words`);
  return list;
};
const adjectives = words('handle-adjectives');
const nouns = words('handle-nouns');

// Transcript: 0x01 || u32be(len) || tag, then fields type || u32be(len) || value (0x04 uint: u64be; 0x05 bytes)
const field = (type, value) => {
  const header = Buffer.alloc(5);
  header[0] = type;
  header.writeUInt32BE(value.length, 1);
  return Buffer.concat([header, value]);
};
const transcript = (tag, ...fields) => Buffer.concat([field(1, Buffer.from(tag, 'ascii')), ...fields]);
const bytes = (b) => field(5, Buffer.isBuffer(b) ? b : Buffer.from(b, 'utf8'));
const uint = (n) => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return field(4, b); };
const sha256 = (data) => createHash('sha256').update(data).digest();

const prfKey = (secret) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0),
  Buffer.from('heteronym/v1/pseudonym/prf-key', 'ascii'), 32));
const pseudonym = (key, memberId, clientId) => createHmac('sha256', key)
  .update(transcript('heteronym/v1/pseudonym', bytes(memberId), bytes(clientId))).digest();
const handle = (p, variant) => {
  const h = sha256(transcript('heteronym/v1/pseudonym-handle', bytes(p), uint(variant)));
  const number = h.readBigUInt64BE(2) % 10000n;
  return `${adjectives[h[0]]}-${nouns[h[1]]}-${number.toString().padStart(4, '0')}`;
};
const base32 = (b) => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0, value = 0, out = '';
  for (const byte of b) {
    value = (value << 8) | byte; bits += 8;
    while (bits >= 5) { out += alphabet[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  return out;
};
const relayLocal = (p) => base32(sha256(transcript('heteronym/v1/relay-address', bytes(p))).subarray(0, 20));

const secret = Buffer.from([...Array(32).keys()]);
const key = prfKey(secret);
const memberId = 'AAECAwQFBgcICQoLDA0ODw';
console.log(`prf key                       ${key.toString('hex')}`);
for (const clientId of ['medforum', 'doctalk']) {
  const p = pseudonym(key, memberId, clientId);
  console.log(`${clientId} pseudonym (hex)      ${p.toString('hex')}`);
  console.log(`${clientId} sub                  ${p.toString('base64url')}`);
  console.log(`${clientId} handle, variant 0    ${handle(p, 0)}`);
  console.log(`${clientId} handle, variant 1    ${handle(p, 1)}`);
  console.log(`${clientId} relay local part     ${relayLocal(p)}`);
}
