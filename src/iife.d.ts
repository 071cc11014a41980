/** @crxjs/vite-plugin: `import path from './script.ts?iife'` builds the script as one IIFE file and gives its path.
 * https://github.com/crxjs/chrome-extension-tools/blob/main/packages/vite-plugin/client.d.ts (`*?iife`) */
declare module '*?iife' {
  const path: string;
  export default path;
}
