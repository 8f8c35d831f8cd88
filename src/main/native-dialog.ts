import { BrowserWindow, dialog } from 'electron'
import type { ChoosePathRequest } from '../shared/ipc/features/dialog-contract'

/** Each purpose's dialog, as the system shows it. */
const DIALOGS: Record<ChoosePathRequest['purpose'], { title: string; buttonLabel: string }> = {
  'publish-folder': { title: 'Folder to publish the public files to', buttonLabel: 'Publish here' },
  'background-file': { title: 'Background map file (PMTiles or MBTiles)', buttonLabel: 'Use as background' },
}

/**
 * The system's folder dialog, modal to the app's window. The user may also create a folder in
 * it (macOS and Windows offer that for a folder dialog when asked).
 */
export async function showNativeDialog(req: ChoosePathRequest): Promise<string | null> {
  const look = DIALOGS[req.purpose]
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const options: Electron.OpenDialogOptions = {
    title: look.title,
    buttonLabel: look.buttonLabel,
    ...(req.defaultPath ? { defaultPath: req.defaultPath } : {}),
    ...(req.purpose === 'background-file'
      ? { properties: ['openFile' as const], filters: [{ name: 'Map tiles', extensions: ['pmtiles', 'mbtiles'] }] }
      : { properties: ['openDirectory' as const, 'createDirectory' as const, 'promptToCreate' as const] }),
  }
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]
}
