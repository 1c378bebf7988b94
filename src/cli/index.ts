/**
 * The `policypress` command line. The only module that decides exit codes:
 * 0 success, 1 content errors, 2 usage or configuration errors, 3 internal errors.
 *
 * Each command's module is imported when the command runs, so `--version` or `diff` do not load the
 * whole build pipeline.
 */
import {createRequire} from 'node:module'
import {Command, CommanderError, Option} from 'commander'
import {processIo, type CliIo} from './io.js'

/** Exit codes. */
export const exitCodes = {ok: 0, content: 1, usage: 2, internal: 3} as const

const require = createRequire(import.meta.url)
const {version} = require('../../package.json') as {version: string}

/** Run the CLI with `argv` (as `process.argv`); resolves to the exit code. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const args = argv.slice(2)
  if (!wantsJson(args)) return runCommand(argv, io)
  // A machine asked for JSON: a failure that printed none (a bad option, a missing folder, a refusal)
  // still gets a JSON object on stdout, with what was said on stderr.
  let printed = false
  const said: string[] = []
  const recording: CliIo = {
    cwd: io.cwd,
    stdout(text) {
      printed = true
      io.stdout(text)
    },
    stderr(text) {
      said.push(text)
      io.stderr(text)
    }
  }
  const code = await runCommand(argv, recording)
  if (code !== exitCodes.ok && !printed) {
    const error = said.join('\n').replace(/^policypress: /, '').trim()
    io.stdout(JSON.stringify({ok: false, exitCode: code, error}, null, 2))
  }
  return code
}

/** Whether `args` ask for a JSON report (`--json`, `--format json`, `--format=json`). */
function wantsJson(args: string[]): boolean {
  return args.some((arg, index) => arg === '--json' || arg === '--format=json' || (arg === '--format' && args[index + 1] === 'json'))
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  let code: number = exitCodes.ok
  const program = new Command()
    .name('policypress')
    .description('Publish a privacy policy written as structured Markdown.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run `policypress --help` for usage)')
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({writeOut: (text) => io.stdout(text.trimEnd()), writeErr: (text) => io.stderr(text.trimEnd())})

  program
    .command('check')
    .description('check content for mistakes; exit 1 when there are errors')
    .option('--content <dir>', 'content folder', 'content')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--archive <dir>', 'archive of published versions (default: archive beside the content folder)')
    .option('--templates <dir>', 'templates folder whose notice texts are checked (default: the shipped templates)')
    .option('--fix', 'write missing heading ids into the source', false)
    .option('--cache <dir>', 'reuse the checks of unchanged files (default: .policypress/cache beside the content folder)')
    .option('--no-cache', 'check everything anew, reading and writing no cache')
    .action(async (options) => {
      const {checkCommand} = await import('./check.js')
      code = await checkCommand(options, io)
    })

  program
    .command('build')
    .description('check content, then write the in-app view and the portal to the output folder')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder, replaced as a whole', 'dist')
    .option('--archive <dir>', 'archive of published versions (default: archive beside the content folder)')
    .option('--templates <dir>', 'templates folder (default: the shipped templates)')
    .option('--no-drafts', 'leave out draft pages of unpublished changes (for production)')
    .option('--cache <dir>', 'reuse unchanged work from earlier builds (default: .policypress/cache beside the content folder)')
    .option('--no-cache', 'build everything anew, reading and writing no cache')
    .option('--json', 'print a JSON report', false)
    .action(async (options) => {
      const {buildCommand} = await import('./build.js')
      code = await buildCommand(options, io)
    })

  program
    .command('dev')
    .description('live preview on 127.0.0.1: the portal, in-app pages in a phone frame, lists and the draft diff')
    .option('--port <n>', 'port to listen on (0: any free port)', '4321')
    .option('--content <dir>', 'content folder', 'content')
    .option('--archive <dir>', 'archive of published versions (default: archive beside the content folder)')
    .option('--templates <dir>', 'templates folder (default: the shipped templates)')
    .action(async (options) => {
      const {devCommand} = await import('./dev.js')
      code = await devCommand(options, io)
    })

  program
    .command('publish')
    .description('freeze the working copy of a document into the archive as a new version')
    .argument('<doc>', 'document id, e.g. privacy')
    .option('--version <version>', 'the version you expect to publish (must match the front matter)')
    .option('--templates <dir>', 'templates folder whose notice texts are checked (default: the shipped templates)')
    .option('--content <dir>', 'content folder', 'content')
    .option('--archive <dir>', 'archive of published versions (default: archive beside the content folder)')
    .option('--json', 'print a JSON report', false)
    .action(async (document, options) => {
      const {publishCommand} = await import('./publish.js')
      code = await publishCommand(document, options, io)
    })

  program
    .command('diff')
    .description('compare two versions of a policy (Markdown files) and print the changes; exit 0')
    .argument('<old>', 'the older version')
    .argument('<new>', 'the newer version')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
    .action(async (oldPath: string, newPath: string, options) => {
      const {diffCommand} = await import('./diff.js')
      code = await diffCommand(oldPath, newPath, options, io)
    })

  program
    .command('pdf')
    .description('print a version of a policy to PDF with Chromium (A4, dates and version on every page, fonts embedded)')
    .argument('<doc>', 'document id, e.g. privacy')
    .option('--version <version>', 'a published version, or `draft` for the working copy (default: the version in force)')
    .option('--locale <locale>', "locale, e.g. zh-CN (default: the portal's locale)")
    .option('--content <dir>', 'content folder', 'content')
    .option('--archive <dir>', 'archive of published versions (default: archive beside the content folder)')
    .option('--templates <dir>', 'templates folder (default: the shipped templates)')
    .option('--out <file>', 'PDF to write (default: <doc>-<locale>-<version>.pdf in the current folder)')
    .action(async (document: string, options) => {
      // Loaded on demand: Playwright is imported only when a PDF is printed.
      const {pdfCommand} = await import('./pdf.js')
      code = await pdfCommand(document, options, io)
    })

  program
    .command('notify')
    .description('send the change summaries of published versions to the webhook endpoints in content/webhooks.yaml')
    .option('--content <dir>', 'content folder', 'content')
    .option('--archive <dir>', 'archive of published versions (default: archive beside the content folder)')
    .option('--outbox <file>', 'delivery record (default: .policypress/outbox.json beside the content folder)')
    .option('--templates <dir>', 'templates folder whose notices/ writes the notice texts (default: the shipped templates)')
    .option('--out <dir>', 'also write each payload, exactly as sent, to <dir>/<doc>/<locale>/changes/<version>.json')
    .option('--dry-run', 'show what would be sent; send nothing, leave the outbox as it is', false)
    .option('--json', 'print a JSON report', false)
    .option('--timeout <ms>', 'per-attempt timeout in milliseconds', '10000')
    .option('--max-time <seconds>', 'time limit of the whole run', '300')
    .option('--max-attempts <n>', 'attempts per delivery in one run', '8')
    .option('--backoff <ms>', 'first retry waits up to this long, doubling each time (full jitter)', '500')
    .option('--concurrency <n>', 'deliveries in flight per endpoint', '4')
    .action(async (options) => {
      const {notifyCommand} = await import('./notify.js')
      code = await notifyCommand(options, io)
    })

  program
    .command('import')
    .description('convert an existing policy (.txt, .html, .md, .docx) into content/<doc>/<locale>/index.md and report what to review')
    .argument('<file>', 'the policy to import')
    .option('--doc <id>', 'document id (default: from the title or the file name)')
    .option('--locale <locale>', 'locale, e.g. zh-CN (default: detected)')
    .option('--out <dir>', 'content folder to write into', 'content')
    .option('--force', 'replace files that exist already', false)
    .option('--json', 'print a JSON report', false)
    .action(async (file: string, options) => {
      const {importCommand} = await import('./import.js')
      code = await importCommand(file, options, io)
    })

  try {
    await program.parseAsync(argv)
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    }
    if (error instanceof Error && !isInternal(error)) {
      io.stderr(`policypress: ${error.message}`)
      return exitCodes.usage
    }
    io.stderr(`policypress: internal error: ${error instanceof Error ? error.message : String(error)}`)
    io.stderr('This is a bug in policypress; please report it with the command you ran.')
    if (process.env['POLICYPRESS_DEBUG']) io.stderr(error instanceof Error ? String(error.stack) : '')
    return exitCodes.internal
  }
}

/** Errors thrown by policypress itself for bad options or configuration are plain `Error`s. */
function isInternal(error: Error): boolean {
  return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError
}
