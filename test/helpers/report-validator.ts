import { expect } from 'vitest';
import { type Report, ReportSchema } from '../../shared/report-schema.ts';

/** Fails the test with the schema's own message when a report does not match the published schema. */
export function expectValidReport(value: unknown): Report {
  const result = ReportSchema.safeParse(value);
  expect(result.error?.message).toBeUndefined();
  return result.data as Report;
}
