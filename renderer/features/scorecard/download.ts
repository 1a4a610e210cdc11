/**
 * Saves text as a file through a temporary <a download>: works in any browser and
 * in Electron's sandboxed renderer (the main process shows the save dialog).
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark so spreadsheet apps read UTF-8 names (accents, umlauts) correctly.
  const blob = new Blob(['\ufeff', text], { type })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
