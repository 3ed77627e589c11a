/**
 * Nest's webpack defaults plus one entry: the projector thread's code, built beside main.js as projector-thread.js
 * (libs/read-models/src/runtime/projector-thread.ts starts it from there; EMBEDDED_PROJECTOR=thread).
 */
const { join } = require('node:path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    'projector-thread': join(__dirname, '../../libs/read-models/src/runtime/projector-thread.entry.ts'),
  },
  output: { ...options.output, filename: options.output.filename.replace(/main\.js$/, '[name].js') },
});
