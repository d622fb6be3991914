/** Vite's `?inline` CSS imports: the stylesheet as a string (the panel's CSS travels inside the script). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
