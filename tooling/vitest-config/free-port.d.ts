/** A TCP port free on the loopback address now, for a server a test starts (the kernel picks it). */
export function freePort(): Promise<number>;
