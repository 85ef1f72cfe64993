import * as z from 'zod';

/** The path of an object named by its id: `/{id}`. */
export const IdParam = z.object({ id: z.uuid() });
export type IdParam = z.infer<typeof IdParam>;
