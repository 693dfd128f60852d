/** A command-line problem the user can fix (bad flag, unreadable file); main prints the message alone. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
