// One end-to-end run of `workload --calls <csv> --shifts` after the plan is open, in a process of its own as the
// command runs: the file read from disk, its columns guessed, every row checked and read into columns, then
// located, bucketed and reported. Prints {"wall", "cpu", "read", "n", "errors"} (ms) as JSON.
import { readTextFile } from '../../../src/main/cli/read-text'
import { csvHeaders, guessCfsMapping, readCfsColumns } from '../../../src/main/workload/cfs-csv'
import { aggregateByShift, shiftReport } from '../../../src/shared/staffing/shift-workload'
import { DEFAULT_SHIFTS } from '../../../src/shared/staffing/shifts'
import { loadChicagoPlan } from '../../workload/chicago-plan'

const [dataDir, file] = process.argv.slice(2)
const plan = loadChicagoPlan(dataDir)!
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const w0 = performance.now()
const c0 = cpu()
const text = readTextFile(file)
const guessed = guessCfsMapping(csvHeaders(text))
const parsed = readCfsColumns(text, { lon: guessed.lon!, lat: guessed.lat!, ...guessed })
const read = cpu() - c0
const report = shiftReport(plan, aggregateByShift(parsed.calls, plan, DEFAULT_SHIFTS), 0.1)
const wall = performance.now() - w0
const used = cpu() - c0
if (report.areas.length !== plan.areas.length) throw new Error('the report lost an area')
console.log(JSON.stringify({ wall, cpu: used, read, n: parsed.calls.length, errors: parsed.errors.length }))
