import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The embedded S3 server and CDK synth are slow to start on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report lets CI print one summary line.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-results.json' }]],
    env: { DOTENV_CONFIG_QUIET: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
