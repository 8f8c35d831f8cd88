let binding: string | undefined

/**
 * Inside Electron, better-sqlite3 must load the Electron-ABI build (see native-binding.ts). The
 * app (and the app binary's `--cli`) sets it once at start; every connection opened afterwards
 * (the plan, checks, backups, restores, the command line's) then uses it.
 */
export function setSqliteBinding(path: string | undefined): void {
  binding = path
}

/** better-sqlite3's option for the build to load: the one given, else the process's own. */
export function bindingOption(explicit?: string): { nativeBinding?: string } {
  const b = explicit ?? binding
  return b ? { nativeBinding: b } : {}
}
