// A one-line progress bar on stderr for long runs over many files, redrawn in place on a terminal.
// Off a terminal (a log, a pipe, a script's stderr) there is nothing to redraw: a line per step
// would fill it with noise among the failures, so the count is written once, at the end. It
// counts what succeeded, so a failed file never shows up as done (no "100%" then).
const BAR_WIDTH = 30;

export class Progress {
  private processed = 0;
  private failed = 0;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** One file finished, well or not. */
  tick(item: string, ok = true): void {
    this.processed += 1;
    if (!ok) this.failed += 1;
    const succeeded = this.processed - this.failed;
    const percent = Math.floor((succeeded / this.total) * 100);
    const failedNote = this.failed ? `, ${this.failed} failed` : '';
    if (this.stream.isTTY) {
      const filled = Math.round((succeeded / this.total) * BAR_WIDTH);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
      this.stream.write(
        `\r${this.label} [${bar}] ${succeeded}/${this.total}${failedNote} ${item.slice(0, 40).padEnd(40)}`,
      );
      if (this.processed === this.total) this.stream.write('\n');
    } else if (this.processed === this.total) {
      this.stream.write(`${this.label}: ${succeeded}/${this.total} (${percent}%)${failedNote}\n`);
    }
  }

  /** A line of its own (a failure), printed without tearing the bar on a terminal. */
  note(line: string): void {
    this.stream.write(this.stream.isTTY ? `\r\x1b[K${line}\n` : `${line}\n`);
  }
}
