import type { Outcome } from '../functions/analyze-article/analyze-object.ts';
import type { Delivery } from '../functions/local/event-bridge.ts';
import type { LocalPipeline } from '../functions/local/pipeline.ts';
import type { Report } from '../shared/report-schema.ts';
import { reportKey } from '../shared/store/layout.ts';
import { formatToneTable, tableWidth } from './format-table.ts';

// What `quote-tone start` prints as the local pipeline works: one line per article (a bulk drop
// of hundreds stays readable), the full tone table with --verbose, and a summary at the end.

const STATUS_WIDTH = 9;

interface Tally {
  analysed: number;
  quotes: number;
  refused: number;
  failed: number;
  removed: number;
  unchanged: number;
}

export class PipelineLog {
  private readonly tally: Tally = { analysed: 0, quotes: 0, refused: 0, failed: 0, removed: 0, unchanged: 0 };
  // Printing an unchanged article reads its stored report, so it can outlast the delivery itself.
  private readonly printing = new Set<Promise<void>>();

  constructor(
    private readonly pipeline: LocalPipeline,
    private readonly verbose: boolean,
  ) {}

  /** Follows every delivery of the pipeline's event bridge. */
  follow(): void {
    this.pipeline.bridge.onDelivery((delivery) => {
      const printed = this.print(delivery).catch((error: unknown) => {
        console.error(`${delivery.key}: could not print the outcome: ${String(error)}`);
      });
      const tracked = printed.finally(() => this.printing.delete(tracked));
      this.printing.add(tracked);
    });
  }

  /** Resolves once every line for the deliveries so far is printed. */
  async settled(): Promise<void> {
    await Promise.all(this.printing);
  }

  /** Articles that were refused or failed, for the exit code. */
  get failures(): number {
    return this.tally.refused + this.tally.failed;
  }

  /** @example log.summary() // 'Summary: 4 analysed (27 quotes), 1 refused, 0 failed, 0 removed, 0 unchanged' */
  summary(): string {
    const t = this.tally;
    return (
      `Summary: ${t.analysed} analysed (${t.quotes} quote${t.quotes === 1 ? '' : 's'}), ` +
      `${t.refused} refused, ${t.failed} failed, ${t.removed} removed, ${t.unchanged} unchanged`
    );
  }

  private async print(delivery: Delivery): Promise<void> {
    if (delivery.error !== undefined) {
      this.tally.failed += 1;
      const what = delivery.route === 'analyze-article' ? 'analysis' : `${delivery.route} step`;
      console.error(line('failed', delivery.key, `${what} failed: ${oneLine(delivery.error)}`));
      return;
    }
    if (delivery.route !== 'analyze-article') return;
    for (const outcome of delivery.result as Outcome[]) await this.printOutcome(outcome);
  }

  private async printOutcome(outcome: Outcome): Promise<void> {
    if (outcome.status === 'analysed') {
      this.tally.analysed += 1;
      this.tally.quotes += outcome.quotes;
      console.log(
        this.verbose
          ? formatToneTable(outcome.report, { width: tableWidth(process.stdout) })
          : line('analysed', outcome.articleId, figures(outcome.report)),
      );
    } else if (outcome.status === 'refused') {
      this.tally.refused += 1;
      console.error(
        line('refused', outcome.articleId, `${outcome.code}: ${outcome.reason} (${outcome.key})`),
      );
    } else if (outcome.status === 'removed') {
      this.tally.removed += 1;
      console.log(line('removed', outcome.articleId, `${outcome.key} and its results`));
    } else if (outcome.reason === 'duplicate') {
      this.tally.unchanged += 1;
      const stored = await this.pipeline.store.getJson<Report>(
        this.pipeline.resultsBucket,
        reportKey(outcome.articleId),
      );
      if (!stored) console.log(line('unchanged', outcome.articleId, `${outcome.key} (refused before)`));
      else if (this.verbose)
        console.log(
          `${formatToneTable(stored.value, { width: tableWidth(process.stdout) })}  (unchanged since the last run)\n`,
        );
      else console.log(line('unchanged', outcome.articleId, figures(stored.value)));
    } else if (this.verbose) {
      console.log(
        line('skipped', outcome.articleId, `${outcome.key}: an older event than the stored result`),
      );
    }
  }
}

function line(status: string, id: string, detail: string): string {
  return `${status.padEnd(STATUS_WIDTH)} ${id}  ${detail}`;
}

function figures(report: Report): string {
  const { quotes, meanScore } = report.summary;
  const mean = meanScore === null ? 'n/a' : `${meanScore >= 0 ? '+' : ''}${meanScore.toFixed(2)}`;
  const title = report.article.title ? `  "${report.article.title.replace(/\s+/g, ' ').slice(0, 60)}"` : '';
  return `${quotes} quote${quotes === 1 ? '' : 's'}, mean tone ${mean}${title}`;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
