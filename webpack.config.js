// Server bundle for Apps Script (scripts/build.mjs runs it). mode 'none' is required: production mode
// makes gas-webpack-plugin reference a removed __webpack_exports__.
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { version } = require('./package.json');

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
  plugins: [
    new GasPlugin({ autoGlobalExportsFiles: ['**/src/index.ts'] }),
    // The self-check and the support report name the add-on's version.
    new DefinePlugin({ __ADDON_VERSION__: JSON.stringify(version) }),
  ],
  performance: { hints: false },
};
