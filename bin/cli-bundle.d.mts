/** Types of bin/cli-bundle.mjs (plain JavaScript so it runs before any TypeScript loader). */
export declare const BUNDLE_DIR: string;
/** Whether the bundle in `root` matches the sources it was built from. */
export declare function bundleIsFresh(root: string): boolean;
/** Builds the bundle and its sidecar; returns the bundle's path. */
export declare function buildBundle(root: string): Promise<string>;
/** The CLI module, from the bundle when possible; a distinct `instance` loads a new module instance. */
export declare function loadCli(root: string, instance?: string): Promise<{ main(argv: readonly string[]): Promise<number> }>;
