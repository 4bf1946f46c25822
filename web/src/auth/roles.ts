import { type Role, roleLabels, roles } from '#shared/contracts/roles';

export { type Role, roles };

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * The label people read for a role. A role this build does not know yet (the server may add one
 * before the web app learns it) is still shown readably: "case-reviewer" → "Case reviewer".
 */
export function roleLabel(role: string): string {
  if (isRole(role)) return roleLabels[role];
  const words = role.replace(/[-_]+/g, ' ').trim();
  return words === '' ? role : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Labels in the order of `roles` (most operational first), unknown roles last. */
export function sortedRoleLabels(userRoles: readonly string[]): string[] {
  const rank = (role: string) => (isRole(role) ? roles.indexOf(role) : roles.length);
  return [...new Set(userRoles)].sort((a, b) => rank(a) - rank(b)).map(roleLabel);
}
