import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './precompress';

export default defineConfig({
  plugins: [
    react(),
    // The installable app: its manifest, and a service worker that keeps the whole built admin
    // (registered by src/serviceWorker.ts) so that, after one visit, it opens without network.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'GenerAttivi',
        short_name: 'GenerAttivi',
        description:
          'I patti GenerAttivi del progetto Fare Legami: patti, tappe e diario, anche dal telefono.',
        lang: 'it',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1565c0',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The charts (the biggest chunk, a manager's and a social worker's) are not fetched
        // ahead on a phone's data plan: kept once used, as any script of the build (hashed,
        // never changing) that the precache would miss.
        globIgnores: ['**/OutcomeCharts-*.js'],
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'assets', expiration: { maxEntries: 100 } },
          },
        ],
        // Every page of the admin is index.html (the client routes); /api never comes from here.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    precompress(),
  ],
  resolve: {
    // Compile the shared domain package from its TypeScript sources: no prior build needed.
    alias: {
      '@generattivi/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the login page needs (everything the entry imports statically) in the entry
          // itself, instead of a score of small scripts each with its own request and its
          // headers (about 1.2 kB each) before the form; the admin's chunks import from it.
          groups: [{ name: 'login', tags: ['$initial'] }],
        },
      },
    },
  },
});
