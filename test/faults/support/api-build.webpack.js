/* global module, process */
/**
 * Webpack settings for the fault suite's one build of the API: Nest's own settings, written to FAULTS_BUILD_DIR
 * instead of dist/, so a build for the faults never races `npm start` or another test run over dist/.
 */
module.exports = (options) => ({
  ...options,
  output: { ...options.output, path: process.env.FAULTS_BUILD_DIR },
});
