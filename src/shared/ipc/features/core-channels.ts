/** Channels of the foundation, the editor and the validator: channel name -> api method. */
export const CORE_CHANNELS = {
  'app:info': 'appInfo',
  'plan:load': 'loadPlan',
  'session:get': 'getSession',
  'session:setProfile': 'setProfile',
  'changes:apply': 'applyChanges',
  'history:undo': 'undo',
  'history:redo': 'redo',
  'history:list': 'listHistory',
  'history:head': 'historyHead',
  'views:hide': 'hideView',
  'validation:run': 'validate',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
} as const
