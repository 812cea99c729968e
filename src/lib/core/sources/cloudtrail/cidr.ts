/** An address block: IP version, network bits (as a big integer) and prefix length. */
export interface Cidr {
  readonly version: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

interface Ip {
  readonly version: 4 | 6;
  readonly value: bigint;
}

const BITS = { 4: 32, 6: 128 } as const;
/**
 * Longest text that can be an address or a block: an IPv6 address with an embedded IPv4 one is at
 * most 45 characters, plus "/128". Anything longer is refused before it is split, whatever its size.
 */
const MAX_CIDR_LENGTH = 49;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function parseIpv4(text: string): bigint | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
}

/** Hex groups of one side of "::", the last group possibly a dotted IPv4 address (2 groups). */
function ipv6Groups(side: string): bigint[] | undefined {
  if (side === '') return [];
  const parts = side.split(':');
  const groups: bigint[] = [];
  for (const [i, part] of parts.entries()) {
    const v4 = i === parts.length - 1 ? parseIpv4(part) : undefined;
    if (v4 !== undefined) groups.push(v4 >> 16n, v4 & 0xffffn);
    else if (HEX_GROUP.test(part)) groups.push(BigInt(`0x${part}`));
    else return undefined;
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = ipv6Groups(halves[0] ?? '');
  const tail = halves.length === 2 ? ipv6Groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Parses an IPv4 or IPv6 address; undefined for anything else ("AWS Internal", a host name). */
export function parseIp(text: string): Ip | undefined {
  if (text.length > MAX_CIDR_LENGTH) return undefined;
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

function mask(version: 4 | 6, prefix: number): bigint {
  const bits = BigInt(BITS[version]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

/**
 * Parses a CIDR block (`10.0.0.0/8`, `2001:db8::/32`) or a single address (a /32 or /128).
 * Host bits are allowed and masked off. Undefined when it is not one.
 *
 * @example parseCidr('10.0.0.0/33') // undefined
 */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  if (trimmed.length > MAX_CIDR_LENGTH) return undefined;
  const [address = '', prefixText, extra] = trimmed.split('/');
  const ip = extra === undefined ? parseIp(address) : undefined;
  if (!ip) return undefined;
  const prefix = prefixText === undefined ? BITS[ip.version] : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > BITS[ip.version]) return undefined;
  return { version: ip.version, prefix, network: ip.value & mask(ip.version, prefix) };
}

/** True when `address` is an IP address inside `cidr` (same IP version). */
export function cidrContains(cidr: Cidr, address: string): boolean {
  const ip = parseIp(address);
  return ip !== undefined && ip.version === cidr.version && (ip.value & mask(ip.version, cidr.prefix)) === cidr.network;
}
