// Client-side app: access tokens live in memory only, so there is nothing useful to render on the server.
export const ssr = false;
export const prerender = false;
