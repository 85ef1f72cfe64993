import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small file system of a test's own, and a file that fills it. */
export interface SmallDisk {
  /** Where it is mounted. */
  dir: string;
  /** Fills it until `leave` bytes are free. */
  fill(leave?: number): void;
  /** Frees what `fill` took. */
  free(): void;
  /** Unmounts it and removes its mount point. */
  remove(): void;
}

/**
 * Mounts a tmpfs of `mib` MiB (which needs root, as the test machines run) and fails loudly when
 * it cannot: a disk-full test that skips proves nothing.
 */
export function mountSmallDisk(mib: number): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const reason = String((error as { stderr?: Buffer }).stderr ?? error);
    throw new Error(
      `a disk-full test makes a ${mib} MiB file system with mount -t tmpfs, which failed (it needs root): ${reason}`,
    );
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill: (leave = 0) => fillUntil(dir, filler, leave),
    free: () => rmSync(filler, { force: true }),
    remove: () => {
      execFileSync('umount', ['--lazy', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Large blocks, then single bytes for the last partial one. */
function fillUntil(dir: string, filler: string, leave: number): void {
  const block = Buffer.alloc(1 << 16);
  const fd = openSync(filler, 'a');
  try {
    for (const size of [block.length, 1]) {
      const stats = statfsSync(dir);
      let free = stats.bavail * stats.bsize - leave;
      try {
        while (free > 0) free -= writeSync(fd, block, 0, Math.min(size, free));
      } catch {
        // Full at this size.
      }
    }
  } finally {
    closeSync(fd);
  }
}
