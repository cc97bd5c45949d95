/**
 * @atlaskit/tokens ships each theme as an ES module whose default export is the theme's CSS text
 * (dist/esm/artifacts/themes/*.js) but publishes no declaration next to those files.
 */
declare module '@atlaskit/tokens/dist/esm/artifacts/themes/*' {
  const css: string;
  export default css;
}
