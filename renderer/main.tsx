import { boot } from './boot'
import './styles.css'

// This module is small and holds no React: boot() asks for what the first render needs while React and the app
// (startApp.tsx, a chunk of their own, which the page preloads) load and compile, instead of before the requests leave.
void boot(document.getElementById('root')!, import('./startApp'))
