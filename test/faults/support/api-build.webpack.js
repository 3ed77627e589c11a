/* global module, process, require */
/**
 * Webpack settings for the fault suite's one build: Nest's own settings for the API, plus the stand-alone projector
 * (apps/projector) as a second entry of the same compilation, written to FAULTS_BUILD_DIR instead of dist/, so a build
 * for the faults never races `npm start` or another test run over dist/. The type checker Nest adds is left out:
 * `npm run typecheck` checks the types, and the suite only needs the bundles.
 */
const apiWebpack = require('../../../apps/api/webpack.config.js');

module.exports = (options) => ({
  ...options,
  entry: {
    // The API's entries as `npm start` builds them: main.js and its projector thread beside it.
    ...Object.fromEntries(Object.entries(apiWebpack(options).entry).map(([name, file]) => [`apps/api/${name}`, file])),
    'apps/projector/main': `${process.cwd()}/apps/projector/src/main.ts`, // nest build runs at the repository root,
  },
  output: { ...options.output, path: process.env.FAULTS_BUILD_DIR, filename: '[name].js' },
  plugins: options.plugins.filter((plugin) => plugin.constructor.name !== 'ForkTsCheckerWebpackPlugin'),
});
