import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/quote-tone-app.ts';

// The app as `npx cdk synth` builds it, bundling skipped (see synth-stack.ts).
let synthesized: ReturnType<typeof createApp>;
let synthesisError: unknown;

beforeAll(() => {
  synthesized = createApp({ context: { 'aws:cdk:bundling-stacks': [] } });
  try {
    synthesized.app.synth();
  } catch (error) {
    // Kept for the synthesis test; the findings test below says which rule fired where.
    synthesisError = error;
  }
});

/** Every acknowledgement recorded anywhere in the app: rule id and reason. */
function acknowledgements(): { id: string; reason: string; path: string }[] {
  return synthesized.app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          id,
          reason,
          path: construct.node.path,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('reports zero unacknowledged errors and warnings', () => {
    // Prepare: the same pack `npx cdk synth` runs as a validation plugin (infra/app.ts).
    const pack = new AwsSolutionsChecks();

    // Act
    const report = pack.validateScope(synthesized.app);

    // Assess: list the findings, so a failure says which rule fired where.
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('lets the app synthesize with the pack registered as a validation plugin, as npx cdk synth does', () => {
    // The plugin interrupts synthesis with "Validation failed" on any unacknowledged finding.
    expect(synthesisError).toBeUndefined();
  });

  it('gives every acknowledgement a specific reason that names what it applies to', () => {
    const acks = acknowledgements().filter((ack) => ack.id.includes('AwsSolutions-'));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason, `${ack.id} at ${ack.path}`).toMatch(/^Applies to /);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(60);
    }
  });

  it('never acknowledges a rule for the whole stack or app', () => {
    const broad = acknowledgements().filter((ack) => ack.path === '' || ack.path === 'QuoteTone');
    expect(broad).toEqual([]);
  });
});
