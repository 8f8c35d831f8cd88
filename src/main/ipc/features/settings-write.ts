import type { Settings } from '../../../shared/ipc/outputs'
import type { WriteResult } from '../../../shared/ipc/write-result'
import type { Services } from '../../services'
import type { SettingsPatch } from '../../services/settings-service'

/**
 * A settings save (the settings form, the shifts) as one write: stored with its audit row (on a
 * department server, the plan's settings on the server first), answered like every write with
 * what the window shows after it, the settings in use among it. `write` is null when nothing changed.
 */
export async function settingsWrite(s: Services, patch: SettingsPatch): Promise<{ settings: Settings; write: WriteResult | null }> {
  const actor = s.session.actor()
  const { value, write } = await s.writes.write(actor, () => s.settings.change(patch, actor), (c) => c.step && { ...c.step, touchedFindings: [] })
  return { settings: value.settings, write: write && { ...write, settings: value.settings } }
}
