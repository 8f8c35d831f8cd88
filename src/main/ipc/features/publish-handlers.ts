import type { publishContract } from '../../../shared/ipc/features/publish-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'

export function publishHandlers(s: Services): FeatureHandlers<keyof typeof publishContract> {
  return {
    'publish:status': () => s.publish.status(s.session.actor()),
    'publish:run': (input) => s.publish.publish(input, s.session.actor()),
    'publish:versions': () => s.publish.versions(),
    'publish:diff': ({ from, to }) => s.publish.diff(from, to),
    'publish:diffCsv': ({ from, to }) => s.publish.diffCsv(from, to),
    'lookup:point': ({ lon, lat }) => s.lookup.lookup(lon, lat),
    'lookup:addresses': ({ query, limit }) => s.addresses.search(query, limit),
    'lookup:importAddresses': ({ fileName, text }) => s.addresses.importCsv(text, fileName),
    'lookup:addressCount': () => s.addresses.count(),
  }
}
