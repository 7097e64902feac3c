/**
 * Where a run went, as a class — never as the URL: `loopback` (this machine), `private` (a local
 * network, link-local, or any other address that is not globally routable) or `public` (the
 * internet). Run manifests and live-smoke entries record the class, and only a `public` run is
 * live evidence of an upstream API; a loopback or private run is a rehearsal (a replay server, a
 * self-hosted runtime).
 *
 * The classification errs towards "not public": an address in any special-use range (RFC 6890,
 * documentation, benchmarking, shared CGNAT, multicast, reserved) and a host name that only
 * resolves on a local network are `private`, an unparseable URL is `private`. A wrong `private`
 * only costs a re-run; a wrong `public` would let a rehearsal pose as live evidence.
 *
 * URLs are parsed with the WHATWG parser, which normalizes every IPv4 spelling (`2130706433`,
 * `0x7f.1`, `0177.0.0.1`, full-width digits, percent-encoding) to dotted decimal and compresses
 * IPv6; IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are classified by
 * the embedded address. Ranges are matched with Node's `net.BlockList`.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

export const ENDPOINT_CLASSES = ['loopback', 'private', 'public'] as const;
export type EndpointClass = (typeof ENDPOINT_CLASSES)[number];
export const endpointClassSchema = () => z.enum(ENDPOINT_CLASSES);

/** Local classes, most local first: a run that touched any of them is a rehearsal. */
const LOCALITY: readonly EndpointClass[] = ['loopback', 'private', 'public'];

/** The more local of two classes (a name resolving to a public and a loopback address is loopback). */
export const moreLocal = (a: EndpointClass, b: EndpointClass): EndpointClass => (LOCALITY.indexOf(a) <= LOCALITY.indexOf(b) ? a : b);

/** True for a class that is not live evidence of a public upstream. */
export const isLocalClass = (endpoint: EndpointClass) => endpoint !== 'public';

function blockList(subnets: readonly string[]): BlockList {
  const list = new BlockList();
  for (const subnet of subnets) {
    const [address, prefix] = subnet.split('/') as [string, string];
    list.addSubnet(address, Number(prefix), address.includes(':') ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** This host: loopback, "this network" (0.0.0.0 reaches the local host on Linux), unspecified IPv6. */
const LOOPBACK = blockList(['127.0.0.0/8', '0.0.0.0/8', '::1/128', '::/128']);

/** IPv4 ranges that are not globally routable (IANA special-purpose registry). */
const IPV4_NOT_PUBLIC = blockList([
  '10.0.0.0/8',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
]);

/** Global unicast IPv6 is 2000::/3; inside it, these are documentation or protocol assignments. */
const IPV6_GLOBAL = blockList(['2000::/3']);
const IPV6_NOT_PUBLIC = blockList(['2001::/23', '2001:db8::/32', '3fff::/20']);

/** The IPv4 address an IPv6 address embeds (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return null;
  const quad = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return quad(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return quad(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return quad(groups[1]!, groups[2]!);
  return null;
}

/** The eight 16-bit groups of an IPv6 address (with an optional dotted IPv4 tail), or null. */
function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  const groups = [...head, ...Array<number>(Math.max(fill, 0)).fill(0), ...rest];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** The class of an IP address literal (IPv4 dotted decimal or IPv6, without brackets). */
export function endpointClassOfAddress(address: string): EndpointClass {
  const family = isIP(address);
  if (family === 0) return 'private';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (LOOPBACK.check(address, type)) return 'loopback';
  if (family === 4) return IPV4_NOT_PUBLIC.check(address, 'ipv4') ? 'private' : 'public';
  const v4 = embeddedIpv4(address);
  if (v4 !== null) return endpointClassOfAddress(v4);
  if (!IPV6_GLOBAL.check(address, 'ipv6') || IPV6_NOT_PUBLIC.check(address, 'ipv6')) return 'private';
  return 'public';
}

/** Top-level names that only resolve on a local network (RFC 6761, 6762, 8375 and common private zones). */
const LOCAL_SUFFIXES = ['local', 'internal', 'lan', 'home', 'home.arpa', 'corp', 'intranet', 'private', 'localdomain', 'test', 'invalid'];

/** The class of a URL host as the WHATWG parser spells it (`127.0.0.1`, `[::1]`, `api.example.com`), without DNS. */
export function endpointClassOfHost(hostname: string): EndpointClass {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '');
  if (isIP(host)) return endpointClassOfAddress(host);
  if (host === '') return 'private';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.')) return 'private';
  if (LOCAL_SUFFIXES.some((suffix) => host.endsWith(`.${suffix}`))) return 'private';
  return 'public';
}

/** The host of a URL as the WHATWG parser normalizes it, or null when it does not parse or has none. */
export function urlHost(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/** The class of a URL by its literal host (no DNS); an unparseable URL is `private`. */
export function endpointClassOfUrl(url: string): EndpointClass {
  const host = urlHost(url);
  return host === null ? 'private' : endpointClassOfHost(host);
}

/** Resolves a host name to its addresses (as `dns.promises.lookup(host, { all: true })` does). */
export type HostLookup = (host: string) => Promise<readonly { address: string }[]>;

/** How long a smoke waits for DNS before giving up on showing that the endpoint is public. */
const LOOKUP_TIMEOUT_MS = 5_000;

const systemLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * The class of a URL where the run actually went: its literal host, and for a public-looking
 * name, the most local of the addresses it resolves to (`127.0.0.1.nip.io` is loopback). A name
 * that does not resolve (or not in time) is `private`: where the call went cannot be shown.
 */
export async function resolveEndpointClass(url: string, lookup: HostLookup = systemLookup): Promise<EndpointClass> {
  const literal = endpointClassOfUrl(url);
  const host = urlHost(url);
  if (literal !== 'public' || host === null || isIP(host.replace(/^\[|\]$/g, ''))) return literal;
  try {
    const addresses = await Promise.race([
      lookup(host.replace(/\.+$/, '')),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('DNS lookup timed out')), LOOKUP_TIMEOUT_MS).unref()),
    ]);
    return addresses.reduce<EndpointClass>((worst, { address }) => moreLocal(worst, endpointClassOfAddress(address)), literal);
  } catch {
    return 'private';
  }
}
