/** `{name}` templates in server URLs, token URLs and paths. */

/** The `{name}`s of a URL template, in order, each once. */
export function templateVariables(url: string): string[] {
  return [...new Set([...url.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] as string))];
}

/** The path of a route, without a query some specs write into it (`/uploads?convert={convert}`). */
export function pathPart(route: string): string {
  const query = route.indexOf('?');
  return query >= 0 ? route.slice(0, query) : route;
}
