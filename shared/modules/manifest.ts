import type { Role } from '../contracts/roles';

/** A permission a module declares: what it allows, and which roles hold it. */
export interface PermissionGrant {
  description: string;
  roles: readonly Role[];
}

/**
 * What the rest of Lantern needs to know about a module, shared by server, web and CLI: its
 * name, its permissions (and the roles that hold them), and the kinds of compartment its records
 * live in. The module's routes, screens and commands are registered on each side; see
 * docs/ARCHITECTURE.md, "Adding a module".
 */
export interface ModuleManifest<P extends string = string, K extends string = string> {
  /** kebab-case; the module's folder name on every side. */
  name: string;
  title: string;
  permissions: { readonly [permission in P]: PermissionGrant };
  /** Compartment kinds its records live in (one compartment per record, or per operation). */
  compartmentKinds: readonly K[];
  /**
   * Off unless the installation names it in LANTERN_MODULES (the reference module is for tests and
   * for reading; an agency may leave a module out). Default: on.
   */
  optional?: boolean;
}

/** Declares a manifest, keeping its permission and compartment-kind names as literal types. */
export function defineManifest<const P extends string, const K extends string = never>(
  manifest: ModuleManifest<P, K>,
): ModuleManifest<P, K> {
  return manifest;
}
