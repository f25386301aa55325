// Vite's ambient types (`import.meta.env`, `?worker`, `?raw`, asset imports)
// for every program that checks app code. Also keeps tsconfig.worker.json
// non-empty before the first `*.worker.ts` exists.
/// <reference types="vite/client" />
