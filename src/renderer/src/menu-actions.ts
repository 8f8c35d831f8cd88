import type { MenuCommand } from '../../shared/ipc/menu'
import { useFindingsStore } from './stores/findings'
import { useGuideStore } from './stores/guide'
import { useImportStore } from './stores/import'
import { usePlanStore } from './stores/plan'
import { useSessionStore } from './stores/session'
import { useUiStore } from './stores/ui'

/** What each command of the application menu does: the same as the window's own button or key. */
export function runMenuCommand(c: MenuCommand): void {
  const plan = usePlanStore()
  const ui = useUiStore()
  switch (c) {
    case 'import': {
      if (useSessionStore().isAdmin) useImportStore().show()
      else plan.lastError = 'Only Administration imports layers; switch to the Administration profile to import.'
      return
    }
    case 'publish':
      ui.publishOpen = true
      return
    case 'print':
      ui.printRequest++
      return
    case 'undo':
      void plan.undo()
      return
    case 'redo':
      void plan.redo()
      return
    case 'zoom-in':
    case 'zoom-out':
    case 'zoom-fit':
      ui.askMap(c)
      return
    case 'check-plan':
      ui.rightTab = 'findings'
      void useFindingsStore().refresh()
      return
    case 'find-officer':
      ui.lookupFocus++
      return
    case 'staffing':
    case 'history':
      ui.rightTab = c
      return
    case 'guide':
      useGuideStore().show()
      return
    case 'shortcuts':
      ui.shortcutsOpen = true
      return
    case 'about':
      ui.aboutOpen = true
      return
  }
}
