/**
 * Finding Chromium and loading Playwright for `policypress pdf`. Playwright is imported only here and
 * only when a PDF is printed, so every other command starts without it.
 */
import fs from 'node:fs/promises'
import type {Browser} from 'playwright-core'

/** Where Debian and Ubuntu install Chromium. */
export const defaultChromium = '/usr/bin/chromium'

/** Environment variable naming another Chromium (or Chrome) executable. */
export const chromiumVariable = 'POLICYPRESS_CHROMIUM'

/** Flags for a quiet, headless, offline-by-default Chromium in containers and CI. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/** Something `pdf` needs is not installed; the message says how to install it. */
export class MissingDependencyError extends Error {
  override name = 'MissingDependencyError'
}

/** The Chromium executable to use: `$POLICYPRESS_CHROMIUM`, else `/usr/bin/chromium`. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[chromiumVariable]
  return configured !== undefined && configured !== '' ? configured : defaultChromium
}

/** The path of an executable Chromium, or a `MissingDependencyError` telling how to install it. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const executable = chromiumPath(env)
  const usable = await fs.stat(executable).then(
    async (stat) => stat.isFile() && (await fs.access(executable, fs.constants.X_OK).then(() => true, () => false)),
    () => false
  )
  if (usable) return executable
  const configured = env[chromiumVariable] ? ` (from $${chromiumVariable})` : ''
  throw new MissingDependencyError(
    [
      `Chromium is needed to print PDFs, but ${executable}${configured} is not an executable file.`,
      'Install Chromium and the CJK fonts (Debian / Ubuntu):',
      '',
      '  sudo apt-get install chromium fonts-noto-cjk',
      '',
      `or point $${chromiumVariable} at a Chromium or Chrome executable.`
    ].join('\n')
  )
}

/** Start a headless Chromium at `executable`. */
export async function launchChromium(executable: string): Promise<Browser> {
  let playwright: typeof import('playwright-core')
  try {
    playwright = await import('playwright-core')
  } catch {
    throw new MissingDependencyError(
      ['The npm package playwright-core is needed to drive Chromium. Install it beside policypress:', '', '  npm install playwright-core'].join('\n')
    )
  }
  return playwright.chromium.launch({executablePath: executable, headless: true, args: chromiumArgs})
}
