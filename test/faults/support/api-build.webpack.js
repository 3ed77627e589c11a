/* global module, process */
/**
 * Webpack settings for the fault suite's one build: Nest's own settings for the API, plus the stand-alone projector
 * (apps/projector) as a second entry of the same compilation, written to FAULTS_BUILD_DIR instead of dist/, so a build
 * for the faults never races `npm start` or another test run over dist/. The type checker Nest adds is left out:
 * `npm run typecheck` checks the types, and the suite only needs the bundles.
 */
module.exports = (options) => ({
  ...options,
  entry: {
    'apps/api/main': options.entry,
    'apps/projector/main': `${process.cwd()}/apps/projector/src/main.ts`, // nest build runs at the repository root,
  },
  output: { ...options.output, path: process.env.FAULTS_BUILD_DIR, filename: '[name].js' },
  plugins: options.plugins.filter((plugin) => plugin.constructor.name !== 'ForkTsCheckerWebpackPlugin'),
});
