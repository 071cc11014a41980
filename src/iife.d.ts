/** @crxjs/vite-plugin: `import path from './script.ts?iife'` builds the script as one IIFE file and gives its path. */
declare module '*?iife' {
  const path: string;
  export default path;
}
