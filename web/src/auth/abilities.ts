import { useQuery } from '@tanstack/react-query';
import type { Permission } from '#shared/modules/index';
import type { SessionUser } from '../api/auth.api';
import { sessionQuery } from './session';

type Holder = Pick<SessionUser, 'permissions' | 'modules'> | null | undefined;

/**
 * Whether the signed-in user holds a permission, as `/api/auth/me` says (CONVENTIONS.md rule 15:
 * the web shows and hides by permissions and by each record's `abilities`, never by role names).
 * The server enforces every permission anyway; this only decides what is worth showing.
 */
export function holds(user: Holder, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/** Whether this installation runs the module (LANTERN_MODULES may leave optional ones out). */
export function runs(user: Holder, moduleName: string): boolean {
  return user?.modules.includes(moduleName) ?? false;
}

/** The signed-in user (the app shell renders nothing until there is one). */
export function useSessionUser(): SessionUser | null | undefined {
  return useQuery(sessionQuery).data;
}

/** `const canManage = useCan('users:manage')`. */
export function useCan(permission: Permission): boolean {
  return holds(useSessionUser(), permission);
}
