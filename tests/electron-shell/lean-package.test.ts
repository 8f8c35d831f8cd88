import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sqliteBindingForApp } from '../../src/main/native-binding'

const ROOT = resolve(__dirname, '../..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : []
  })
}

/** Packages the main process and preload load at run time (the renderer's are bundled by Vite). */
function mainImports(): Set<string> {
  const out = new Set<string>()
  for (const dir of ['src/main', 'src/shared', 'src/preload']) {
    for (const f of files(join(ROOT, dir))) {
      // import/export … from 'x', a bare import 'x', and files found with require.resolve('x/…').
      for (const m of readFileSync(f, 'utf8').matchAll(/^\s*(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^'.][^']*)'|^\s*import\s+'([^'.][^']*)'|\.resolve\('([^'./][^']*)'\)/gm)) {
        const spec = m[1] ?? m[2] ?? m[3]
        if (spec.startsWith('node:') || builtinModules.includes(spec) || spec === 'electron') continue
        out.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
      }
    }
  }
  return out
}

describe('the package ships what the main process uses and nothing twice', () => {
  it('every run-time dependency is imported by the main process, shared code or the preload, and every package they import is a dependency', () => {
    const used = mainImports()
    // tsx is resolved only in a source checkout (the import worker's TypeScript entry); the package runs the built parse-worker.js.
    used.delete('tsx')
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...used].sort())
  })

  it('what the renderer bundle already contains (OpenLayers, Vue, Pinia) and the whole of turf are not shipped again in app.asar', () => {
    for (const name of ['ol', 'vue', 'pinia', '@turf/turf', 'shpjs']) expect(pkg.dependencies[name], name).toBeUndefined()
    expect(pkg.build.asarUnpack ?? []).not.toContain('node_modules/better-sqlite3/**')
  })
})

describe('the app loads the Electron build of SQLite or says plainly that it is missing', () => {
  it('inside Electron without native/electron/better_sqlite3.node: an error naming where it looked, not a crash loading the Node build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-binding-'))
    try {
      expect(() => sqliteBindingForApp(join(dir, 'app'), join(dir, 'resources'), { ...process.versions, electron: '45.3.4' })).toThrow(
        new RegExp(`Electron build of SQLite .*missing.*${join(dir, 'resources', 'native', 'electron', 'better_sqlite3.node').replace(/[/\\]/g, '.')}`),
      )
      mkdirSync(join(dir, 'resources', 'native', 'electron'), { recursive: true })
      writeFileSync(join(dir, 'resources', 'native', 'electron', 'better_sqlite3.node'), '')
      expect(sqliteBindingForApp(join(dir, 'app'), join(dir, 'resources'), { ...process.versions, electron: '45.3.4' })).toBe(join(dir, 'resources', 'native', 'electron', 'better_sqlite3.node'))
      // Under plain Node (the stand-in tests) node_modules' own build is the right one.
      expect(sqliteBindingForApp(join(dir, 'app'), join(dir, 'resources'), { ...process.versions, electron: undefined } as unknown as NodeJS.ProcessVersions)).toBeUndefined()
      expect(existsSync(join(dir, 'resources'))).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
