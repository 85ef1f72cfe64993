import * as z from 'zod';

/** A backup in the data folder's backups/. */
export const BackupFile = z.object({
  file: z.string().meta({ description: 'path inside the data folder' }),
  name: z.string().meta({ description: 'file name inside backups/' }),
  bytes: z.int(),
  madeAt: z.string().meta({ description: 'when the file was written, UTC' }),
});
export type BackupFile = z.infer<typeof BackupFile>;

/** A backup's bytes, as downloaded. */
export const BackupBytes = z.string().meta({ description: 'the database file' });

/** The path of one backup, by its file name. */
export const BackupNameParam = z.object({ name: z.string().max(300) });
export type BackupNameParam = z.infer<typeof BackupNameParam>;
