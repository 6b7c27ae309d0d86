// A one-line progress bar on stderr for long uploads; plain lines when stderr is not a terminal.
const BAR_WIDTH = 30;
// Off a terminal, a line every this many percent is enough to show it is moving.
const LOG_STEP_PERCENT = 10;

export class Progress {
  private done = 0;
  private lastLoggedPercent = -LOG_STEP_PERCENT;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(item: string): void {
    this.done += 1;
    const percent = Math.floor((this.done / this.total) * 100);
    if (this.stream.isTTY) {
      const filled = Math.round((this.done / this.total) * BAR_WIDTH);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
      this.stream.write(
        `\r${this.label} [${bar}] ${this.done}/${this.total} ${item.slice(0, 40).padEnd(40)}`,
      );
      if (this.done === this.total) this.stream.write('\n');
    } else if (percent - this.lastLoggedPercent >= LOG_STEP_PERCENT || this.done === this.total) {
      this.lastLoggedPercent = percent;
      this.stream.write(`${this.label}: ${this.done}/${this.total} (${percent}%)\n`);
    }
  }
}
