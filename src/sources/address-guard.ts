// The SSRF guard: a URL someone pastes in chat must not make the bot read the machine it runs
// on or its private network. The check runs on the address actually connected to (it is the
// socket's DNS lookup), so a name that resolves to a public address once and to 127.0.0.1 the
// next time (DNS rebinding) is refused on the connection that matters.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
// IPv4: "this network", private, CGNAT, loopback, link-local, IETF protocol assignments,
// documentation, benchmarking, multicast, reserved and broadcast.
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
// IPv6: unspecified, loopback, NAT64 and discard prefixes, unique-local, link-local,
// site-local (deprecated), documentation and multicast.
blocked.addAddress("::", "ipv6");
blocked.addAddress("::1", "ipv6");
for (const [network, prefix] of [
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["2001:db8::", 32],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** An IPv4 address written inside IPv6 (::ffff:10.0.0.1, ::10.0.0.1): the IPv4 part. */
function embeddedIPv4(address: string): string | null {
  const dotted = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted?.[1]) return dotted[1];
  const hex = /^::(?:ffff:(?:0:)?)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex?.[1] || !hex[2]) return null;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** True for any address a fetch from chat must never reach (see the lists above). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family !== 6) return true;
  const v4 = embeddedIPv4(bare.toLowerCase());
  if (v4) return blocked.check(v4, "ipv4");
  return blocked.check(bare, "ipv6");
}

export class PrivateAddressError extends Error {
  override name = "PrivateAddressError";
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to the private address ${address}`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A drop-in for dns.lookup (the `lookup` option of http.request) that fails with
 * PrivateAddressError when any address the name resolves to is private.
 */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean; family?: number | string } | number | undefined,
  callback: LookupCallback,
): void {
  const wantsAll = typeof options === "object" && options?.all === true;
  dnsLookup(hostname, { all: true }, (error, addresses) => {
    if (error) return callback(error, wantsAll ? [] : "");
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(new PrivateAddressError(hostname, bad.address), wantsAll ? [] : "");
    if (wantsAll) return callback(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(
        Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }),
        "",
      );
    callback(null, first.address, first.family);
  });
}
