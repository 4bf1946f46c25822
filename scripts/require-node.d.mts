export const MINIMUM_NODE: string;
export function atLeast(version: string, minimum: string): boolean;
export function tooOldMessage(version: string, platform?: string, arch?: string): string;
export function requireNode(version?: string): void;
