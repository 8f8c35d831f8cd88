import type { AddressImportResult, AddressMatch } from '../../shared/ipc/features/publish-contract'
import type { Repos } from '../db/repos'
import { addressKey, parseAddressCsv } from './address-csv'
import { AppError } from './app-error'

/** Address points (address, lon, lat) so residents' questions can be asked by address. */
export class AddressService {
  constructor(private readonly repos: Repos) {}

  /** Replaces the stored address points; rows with errors are skipped and listed with their line. */
  importCsv(text: string, fileName: string): AddressImportResult {
    let parsed: ReturnType<typeof parseAddressCsv>
    try {
      parsed = parseAddressCsv(text, fileName)
    } catch (e) {
      throw new AppError('bad-address-file', (e as Error).message)
    }
    if (parsed.rows.length === 0) {
      const first = parsed.skipped[0]?.message
      throw new AppError('bad-address-file', `${fileName}: no usable address rows${first ? ` (first problem: ${first})` : ''}; nothing was stored.`, { skipped: parsed.skipped.slice(0, 100) })
    }
    this.repos.addresses.replaceAll(parsed.rows)
    return { imported: parsed.rows.length, skipped: parsed.skipped, columns: parsed.columns }
  }

  count(): number {
    return this.repos.addresses.count()
  }

  search(query: string, limit = 10): AddressMatch[] {
    const key = addressKey(query)
    if (key.length < 2) return []
    return this.repos.addresses.search(key, limit)
  }
}
