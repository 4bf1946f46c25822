import type { Command } from 'commander';
import { commsManifest } from '#shared/contracts/comms.manifest';
import { sourcesManifest } from '#shared/contracts/sources.manifest';
import type { ModuleManifest } from '#shared/modules/manifest';
import { ApiClient } from './api/client';
import { resolveConnection } from './api/credentials';
import { registerCommsCommands } from './commands/comms';
import { registerSourcesCommands } from './commands/sources';

/** The client of the running server a command talks through, made when the command runs. */
export type Api = () => Promise<ApiClient>;

/**
 * A module's command group. Every module command is a client of a running server (CONVENTIONS
 * rule 16, ADR 0021): it acts through `api` with the user's access token, never on the data
 * directory; only the offline admin commands in cli/src/main.ts open that.
 */
export interface CliModule {
  manifest: ModuleManifest;
  register(program: Command, api: Api): void;
}

/**
 * Every module's commands, in manifest order. Adding a module adds one line here (see
 * docs/ARCHITECTURE.md, "Adding a module").
 */
export const cliModules: readonly CliModule[] = [
  { manifest: commsManifest, register: registerCommsCommands },
  { manifest: sourcesManifest, register: registerSourcesCommands },
];

let client: Promise<ApiClient> | undefined;

/** The API client of this invocation: the server and token from the environment or `lantern login`. */
export const connect: Api = () => {
  client ??= resolveConnection().then((connection) => new ApiClient(connection));
  return client;
};
