import { z } from 'zod';
import { PERMISSIONS, ROLES } from '@gridcare/domain';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const RoleGrant = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.number().int(),
  orgUnitName: z.string().optional(),
});

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  roles: z.array(RoleGrant),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof Me>;
