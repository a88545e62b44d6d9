import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The console is served by the NestJS server at `/` in production; in development
// the Vite dev server forwards the API and the realtime socket to it.
export default defineConfig({
    base: '/',
    plugins: [react()],
    resolve: {
        // react-admin and MUI are hoisted to the root node_modules; make them share
        // the console's own copy of React so hooks run against a single instance.
        dedupe: ['react', 'react-dom'],
    },
    server: {
        port: 5173,
        proxy: {
            '/api': { target: 'http://localhost:3000', changeOrigin: true },
            '/socket.io': { target: 'http://localhost:3000', ws: true, changeOrigin: true },
        },
    },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        // The console (index.html) and the public and structures' pages, each its own entry: /candidature/, /espace/, /lieux/.
        rollupOptions: {
            input: {
                console: fileURLToPath(new URL('./index.html', import.meta.url)),
                candidature: fileURLToPath(new URL('./candidature/index.html', import.meta.url)),
                espace: fileURLToPath(new URL('./espace/index.html', import.meta.url)),
                lieux: fileURLToPath(new URL('./lieux/index.html', import.meta.url)),
            },
        },
        chunkSizeWarningLimit: 3000,
    },
});
