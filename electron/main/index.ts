import { startDesktopShell } from './shell'

startDesktopShell({
  platform: process.platform,
  env: process.env,
  argv: process.argv,
  execPath: process.execPath,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
})
