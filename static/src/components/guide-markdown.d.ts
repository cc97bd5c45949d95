/** `<file>.md?guide`: the guide's tree, made at build time by static/guide/markdown-to-guide.cjs (Vite plugin). */
declare module '*.md?guide' {
  import type { GuideDoc } from './guide-doc';
  const doc: GuideDoc;
  export default doc;
}
