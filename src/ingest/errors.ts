/** An input that cannot become a report. Printed as one line: `locator: reason`. */
export class IngestError extends Error {
  constructor(
    readonly locator: string,
    readonly reason: string,
  ) {
    super(`${locator}: ${reason}`);
    this.name = 'IngestError';
  }
}

/** One failed input (a file, a corpus row, a feed item) in a batch that goes on. */
export interface IngestFailure {
  locator: string;
  reason: string;
}
