import { ipcMain, type WebFrameMain } from 'electron'
import { CHANNEL_LIST, fail } from '../../shared/ipc'
import type { Dispatch } from './dispatch'

/** Each channel answers only our own window's top frame; everything else gets a refusal. */
export function registerIpc(dispatch: Dispatch, isOurFrame: (frame: WebFrameMain | null) => boolean): void {
  for (const channel of CHANNEL_LIST) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isOurFrame(event.senderFrame)) return fail('forbidden-sender', 'This request did not come from the Area Command Planner window.')
      return dispatch(channel, input)
    })
  }
}
