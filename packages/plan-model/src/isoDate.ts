import { z } from 'zod/mini';

// Calendar dates without time zone ('2027-06-20'); they compare correctly as strings.
export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;
