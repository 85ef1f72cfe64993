import type { Db } from '../db.js';
import { exec, rows, sqlTimestamp } from '../sql.js';

/**
 * Takes the lease on a job until `now + ttlMs`, if nobody holds it or the holder's lease has
 * run out (or `holder` holds it already, to renew). One conditional upsert decides, so of several
 * processes asking at once exactly one wins; the others get false and leave the job alone.
 * @example if (await takeLease(conn, 'deadlines', `${hostname()}:${process.pid}`, new Date(), 300_000)) runJob()
 */
export async function takeLease(
  connection: Db,
  job: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  const won = await rows(
    connection,
    `INSERT INTO job_leases (job, holder, lease_until) VALUES ($1, $2, $3::TIMESTAMP)
     ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
     WHERE job_leases.lease_until <= $4::TIMESTAMP OR job_leases.holder = excluded.holder
     RETURNING holder`,
    [job, holder, sqlTimestamp(new Date(now.getTime() + ttlMs)), sqlTimestamp(now)],
  );
  return won.length === 1;
}

/** Gives the lease back at `now`, if `holder` still holds it, so the next run need not wait for it to run out. */
export async function releaseLease(connection: Db, job: string, holder: string, now: Date): Promise<void> {
  // Ended rather than deleted: the row stays for the next holder's upsert.
  await exec(
    connection,
    'UPDATE job_leases SET lease_until = $3::TIMESTAMP WHERE job = $1 AND holder = $2 AND lease_until > $3::TIMESTAMP',
    [job, holder, sqlTimestamp(now)],
  );
}
