/**
 * The renderer's security settings, kept free of any electron import so plain-Node tests can
 * check them (tests/electron-shell). window.ts spreads these into every BrowserWindow.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Middle-click would otherwise try to open links in a new window (denied anyway by lockDownContents).
  disableBlinkFeatures: 'Auxclick',
} as const
