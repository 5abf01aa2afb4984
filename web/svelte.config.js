import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Output goes to web/build; the Fastify server mounts build/handler.js on the API's port.
    adapter: adapter({ out: 'build' }),
  },
};

export default config;
