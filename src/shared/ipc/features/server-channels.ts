export const SERVER_CHANNELS = {
  'server:status': 'serverStatus',
  'server:connect': 'connectServer',
  'server:disconnect': 'disconnectServer',
  'server:redoConflict': 'redoServerConflict',
  'server:dropConflict': 'dropServerConflict',
} as const
