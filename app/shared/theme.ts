/**
 * The page's colour theme. The shell sets it as `data-theme` on <html>, where
 * app.css gives each theme its colours and its `color-scheme`.
 */
export type Theme = 'light' | 'dark';
