import dns from 'node:dns';
import net from 'node:net';

/**
 * Tests reach no network but loopback (DEVELOPERS.md): a connection to any other host fails at once
 * with an error naming it, so a client left unmocked shows up instead of waiting on DNS or a timeout.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0']);
const connect = net.Socket.prototype.connect;
const warned = new Set<string>();

/** The error an attempt fails with, also printed once per host so a swallowed one is still seen. */
function refusal(kind: string, host: string): Error {
  const message = `tests may not reach the network: a ${kind} ${host} was attempted (mock the client)`;
  if (!warned.has(host)) {
    warned.add(host);
    console.error(message);
  }
  return Object.assign(new Error(message), { code: 'ENOTFOUND' });
}

function hostOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return undefined; // a Unix socket or pipe
    return typeof options.host === 'string' ? options.host : 'localhost';
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? second : 'localhost';
  }
  return undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !LOOPBACK.has(host)) {
    // Failed like a refused connection (asynchronously), so every client reports it the usual way.
    const error = refusal('connection to', host);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

/** The same for name lookups, which some clients make before they connect. */
const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  const callback = rest.at(-1);
  if (!LOOPBACK.has(hostname) && typeof callback === 'function') {
    const error = refusal('lookup of', hostname);
    process.nextTick(() => callback(error));
    return;
  }
  return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
} as typeof dns.lookup;
