/**
 * Endpoint classes: an adversarial corpus of host spellings (every IPv4 notation the WHATWG
 * parser accepts, IPv6 forms embedding IPv4, special-use ranges, local-only names) and DNS names
 * that resolve to local addresses. A wrong `public` would let a rehearsal pose as live evidence.
 */
import { describe, expect, it } from 'vitest';
import {
  type EndpointClass,
  endpointClassOfAddress,
  endpointClassOfUrl,
  resolveEndpointClass,
} from '../../src/worldforge/endpoint-class.ts';

const CORPUS: Record<EndpointClass, readonly string[]> = {
  loopback: [
    'http://127.0.0.1:8080',
    'http://127.255.255.254',
    'http://127.1',
    'http://2130706433',
    'http://0x7f000001',
    'http://0x7f.1',
    'http://0177.0.0.1',
    'http://%31%32%37.0.0.1',
    'http://１２７.０.０.１',
    'http://0.0.0.0:3000',
    'http://0',
    'http://[::1]:9',
    'http://[0:0:0:0:0:0:0:1]',
    'http://[::]',
    'http://[::ffff:127.0.0.1]',
    'http://[::ffff:7f00:1]',
    'http://[::127.0.0.1]',
    'http://[64:ff9b::127.0.0.1]',
    'http://[2002:7f00:1::]',
    'http://localhost',
    'http://LOCALHOST.',
    'http://api.localhost:4321',
  ],
  private: [
    'http://10.0.0.1',
    'http://10.255.255.255',
    'http://167772161',
    'http://172.16.0.1',
    'http://172.31.255.255',
    'http://192.168.1.10',
    'http://0xc0.0xa8.1.1',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1',
    'http://192.0.2.1',
    'http://198.18.0.1',
    'http://224.0.0.1',
    'http://255.255.255.255',
    'http://[fc00::1]',
    'http://[fd12:3456::1]',
    'http://[fe80::1]',
    'http://[febf::1]',
    'http://[ff02::1]',
    'http://[2001:db8::1]',
    'http://[::ffff:10.0.0.1]',
    'http://[::ffff:192.168.0.1]',
    'http://[::ffff:a9fe:a9fe]',
    'http://[2002:c0a8:101::1]',
    'http://cosmos',
    'http://gpu-box.local',
    'http://nim.internal:8000',
    'http://router.lan',
    'http://nas.home.arpa',
    'not a url',
    'file:///etc/passwd',
  ],
  public: [
    'https://api.dev.runwayml.com',
    'https://integrate.api.nvidia.com',
    'http://8.8.8.8',
    'http://172.32.0.1',
    'http://172.15.255.255',
    'http://192.169.0.1',
    'http://11.0.0.1',
    'http://[2606:4700::1111]',
    'http://[::ffff:8.8.8.8]',
  ],
};

describe('endpoint classes', () => {
  for (const [expected, urls] of Object.entries(CORPUS)) {
    it(`classifies ${urls.length} ${expected} spellings`, () => {
      const wrong = urls.filter((url) => endpointClassOfUrl(url) !== expected).map((url) => `${url} → ${endpointClassOfUrl(url)}`);
      expect(wrong).toEqual([]);
    });
  }

  it('classifies bare addresses, and anything that is not an address is not public', () => {
    expect(endpointClassOfAddress('127.0.0.53')).toBe('loopback');
    expect(endpointClassOfAddress('::ffff:172.20.0.2')).toBe('private');
    expect(endpointClassOfAddress('93.184.216.34')).toBe('public');
    expect(endpointClassOfAddress('localhost')).toBe('private');
  });

  it('follows DNS: a public-looking name that resolves to any local address is local', async () => {
    const lookup = (table: Record<string, string[]>) => async (host: string) => {
      const addresses = table[host];
      if (!addresses) throw new Error(`ENOTFOUND ${host}`);
      return addresses.map((address) => ({ address }));
    };
    const dns = lookup({
      '127.0.0.1.nip.io': ['127.0.0.1'],
      'split.example.com': ['93.184.216.34', '10.1.2.3'],
      'api.example.com': ['93.184.216.34', '2606:2800:220:1::1'],
      'mapped.example.com': ['::ffff:127.0.0.1'],
    });
    expect(await resolveEndpointClass('http://127.0.0.1.nip.io:8080', dns)).toBe('loopback');
    expect(await resolveEndpointClass('https://split.example.com', dns)).toBe('private');
    expect(await resolveEndpointClass('https://mapped.example.com', dns)).toBe('loopback');
    expect(await resolveEndpointClass('https://api.example.com', dns)).toBe('public');
    expect(await resolveEndpointClass('https://unknown.example.com', dns)).toBe('private');
    // Literal addresses and local-only names are never looked up.
    const never = async () => {
      throw new Error('looked up');
    };
    expect(await resolveEndpointClass('http://127.0.0.1:9', never)).toBe('loopback');
    expect(await resolveEndpointClass('http://[2606:4700::1111]', never)).toBe('public');
    expect(await resolveEndpointClass('http://gpu.local', never)).toBe('private');
  });
});
