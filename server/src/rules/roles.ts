import type { Role } from '../generated/prisma/enums';

/** How each staff role is named to people, in the console and in the server's messages. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  ADMIN: 'Administrateur',
  REVIEWER: 'Relecteur',
  FINANCE: 'Finance',
  SUPPORT: 'Support',
};
