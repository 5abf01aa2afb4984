import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => {
  // Test runners set NODE_ENV=test, which would make Vite emit a development bundle; builds are always for production.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [sveltekit()],
    server: {
      // In `vite dev` the API runs separately on :3000; in production both share one origin.
      proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
    },
  };
});
