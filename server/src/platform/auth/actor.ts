import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';

/** The signed-in user a request acts for. Built from the database on every request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  clearance: Classification;
  caveats: string[];
  /** Compartments the actor is read into, as of this request. */
  compartmentIds: ReadonlySet<string>;
}
