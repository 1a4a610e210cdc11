import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'

// The access token has done its job (the server set a cookie); keep it out of the address bar.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
