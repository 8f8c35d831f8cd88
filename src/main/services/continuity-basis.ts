import type { ContinuityBasis } from '../../shared/ipc/features/insight-contract'
import type { Repos } from '../db/repos'

/** Calls for service stored in the plan, with their workload in unit-hours. */
export function storedCalls(repos: Repos): ContinuityBasis['calls'] {
  const calls = repos.calls.list()
  return { lon: calls.map((c) => c.lon), lat: calls.map((c) => c.lat), weight: calls.map((c) => c.hours * c.units) }
}

/** Imported address points, in address order. */
export function storedAddresses(repos: Repos): ContinuityBasis['addresses'] {
  const n = repos.addresses.count()
  const pts = n > 0 ? repos.addresses.first(n) : []
  return { address: pts.map((p) => p.address), lon: pts.map((p) => p.lon), lat: pts.map((p) => p.lat) }
}

/** The last published plan and the stored points: what the window measures the draft against. */
export function continuityBasis(repos: Repos): ContinuityBasis {
  const last = repos.versions.latest()
  return {
    version: last ? { number: last.number, effectiveDate: last.effectiveDate } : null,
    plan: last ? repos.versions.snapshot(last.number) : null,
    addresses: storedAddresses(repos),
    calls: storedCalls(repos),
  }
}
