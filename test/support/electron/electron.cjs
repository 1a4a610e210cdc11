// `require('electron')` from CommonJS dependencies (electron-log) gets the same
// stand-in instance as `import 'electron'`; launch.ts evaluates electron.ts first.
const standIn = globalThis[Symbol.for('follow-through.electron-stand-in')]
if (!standIn) throw new Error('The Electron stand-in was required before launch.ts loaded it.')
module.exports = standIn
