// Every background job definition, registered with pg-boss at start-up.
import type { z } from 'zod';
import type { JobDefinition } from '../platform/jobs/jobs';

export const JOB_DEFINITIONS: JobDefinition<z.ZodTypeAny>[] = [];
