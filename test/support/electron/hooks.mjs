// Module-resolution hook (registered with module.register by launch.ts): every
// `import … from 'electron'` resolves to the stand-in instead of the npm package,
// whose entry only names a binary that does not exist here.
const STAND_IN = new URL('./electron.ts', import.meta.url).href

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true }
  return next(specifier, context)
}
