// Server bundle for Apps Script (scripts/build.mjs runs it). mode 'none' is required: production mode
// makes gas-webpack-plugin reference a removed __webpack_exports__.
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

module.exports = {
  mode: 'none',
  devtool: false,
  context: __dirname,
  entry: './src/index.ts',
  output: { path: path.join(__dirname, 'dist'), filename: 'Code.js' },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { loader: 'ts', target: 'es2020' } }],
  },
  optimization: { minimize: false, concatenateModules: false },
  plugins: [new GasPlugin({ autoGlobalExportsFiles: ['**/src/index.ts'] })],
  performance: { hints: false },
};
