import { Role } from '../generated/prisma/enums';

/** The authenticated staff member attached to a request (req.user) or a socket (socket.data.user). */
export interface StaffUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
}
