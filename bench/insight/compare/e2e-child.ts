// One end-to-end run of `compare --addresses <csv>` after the plan is open, in a process of its own as the
// command runs: the file read from disk, every row checked and read into columns (any bad row refuses the
// file), then both plans located and compared. Prints {"wall", "cpu", "read", "affected", "json"} (ms) as JSON;
// "json", not in the target: then writing the --json text as the command does (the affected entries are made there).
import { readTextFile } from '../../../src/main/cli/read-text'
import { readAddressColumns } from '../../../src/main/services/address-csv'
import { comparePlans } from '../../../src/shared/insight/compare-plans'
import { chicagoComparePlans } from './plans'

const [dataDir, file, rows] = process.argv.slice(2)
const { from, to } = chicagoComparePlans(dataDir)!
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const w0 = performance.now()
const c0 = cpu()
const parsed = readAddressColumns(readTextFile(file), file)
if (parsed.skipped.length || parsed.points.address.length !== Number(rows)) throw new Error(`the bench's address file was not read whole: ${parsed.skipped[0]?.message}`)
const read = cpu() - c0
const r = comparePlans(from, to, { addresses: parsed.points })
const wall = performance.now() - w0
const c1 = cpu()
const json = JSON.stringify({ continuity: r.continuity, affected: r.affected }, null, 2)
console.log(JSON.stringify({ wall, cpu: c1 - c0, read, affected: r.affected.length, json: cpu() - c1, jsonChars: json.length }))
