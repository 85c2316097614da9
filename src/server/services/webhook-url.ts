import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupPromise } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { invalid } from '../errors.js';

/**
 * Addresses a webhook must not reach unless the instance allows it (CAIRN_WEBHOOK_ALLOW_PRIVATE):
 * this host, the LAN, link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254), and
 * ranges that are not ordinary internet hosts. IPv4-mapped IPv6 addresses are checked as IPv4.
 */
const REFUSED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  REFUSED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  REFUSED.addSubnet(network, prefix, 'ipv6');

const dnsLookupAll = (host: string) => dnsLookupPromise(host, { all: true });

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return REFUSED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const REFUSAL = 'Webhooks may not point at this server, the local network or cloud metadata addresses.';

/** The host part as a bare name or address: `[::1]` → `::1`, `LocalHost.` → `localhost`. */
const bareHost = (url: URL) =>
  url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/**
 * Checked when a webhook URL is saved: an address literal in a refused range, or a name that is
 * this machine by definition. Names are resolved again at every delivery (see `guardedLookup`).
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Use an http:// or https:// address.';
  }
  const host = bareHost(url);
  if (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)) return REFUSAL;
  return null;
}

export function assertWebhookUrlAllowed(raw: string | null | undefined, allowPrivate: boolean, field = 'webhookUrl'): void {
  const problem = raw ? webhookUrlProblem(raw, allowPrivate) : null;
  if (problem) throw invalid(field, problem);
}

/**
 * The save-time check of an event webhook's URL, after DNS resolution too: http(s) only, and no name
 * that resolves to a refused address (delivery checks the connected address again, see guardedLookup).
 * A name that does not resolve yet is accepted: its deliveries fail until it does.
 */
export async function resolvedWebhookUrlProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Use an http:// or https:// address.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use an http:// or https:// address.';
  const literal = webhookUrlProblem(raw, allowPrivate);
  if (literal || allowPrivate || isIP(bareHost(url)) !== 0) return literal;
  const addresses = await dnsLookupAll(bareHost(url)).catch(() => []);
  return addresses.some((a) => isPrivateAddress(a.address)) ? `${bareHost(url)} resolves to a private address. ${REFUSAL}` : null;
}

/**
 * A DNS lookup for the delivery's socket that refuses private answers: the address checked is the
 * one connected to, so a name that resolves (or re-resolves) to the LAN is refused too.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = !allowPrivate && addresses.some((a) => isPrivateAddress(a.address));
      if (refused) {
        const blocked = Object.assign(new Error(`${hostname} resolves to a private address; ${REFUSAL}`), { code: 'EPRIVATE' });
        return callback(blocked, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
