/**
 * One parse of a layer file by the parser of the tree at argv[2] (this checkout or the worktree of
 * the code before), for bench/import/run.ts: prints the features read and the parse time, or the
 * refusal. Peak memory is taken by /usr/bin/time around this process.
 *
 *   npx tsx bench/import/parse-child.ts <repo root> <layer file>
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

async function main(root: string, file: string): Promise<void> {
  const mod = (await import(pathToFileURL(path.join(root, 'src/main/import/parse-layer.ts')).href)) as typeof import('../../src/main/import/parse-layer')
  const t = performance.now()
  try {
    const layer = await mod.parseLayerFile(file, {})
    console.log(`Parsed ${layer.features.length} features in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  } catch (e) {
    console.log(`refused: ${(e as Error).message}`)
  }
}

void main(process.argv[2], process.argv[3])
