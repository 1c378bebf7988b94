/**
 * A file the importer cannot read: damaged, not the format its name says, or too big once unpacked. The
 * reader says what is wrong and how to fix it; `importPolicy` puts the file's name in front, and the
 * command line prints it on one line as a usage error (exit 2), not as a bug.
 */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError'
}
