/**
 * Saves text as a file through a temporary <a download>: works in any browser and
 * in Electron's sandboxed renderer (the main process shows the save dialog).
 * `byteOrderMark` helps spreadsheet apps read UTF-8 names (accents, umlauts) in CSV;
 * files read back by programs (JSON, ICS) go without.
 */
export function downloadText(filename: string, text: string, options: { type: string; byteOrderMark?: boolean }): void {
  const blob = new Blob(options.byteOrderMark ? ['\ufeff', text] : [text], { type: options.type })
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
