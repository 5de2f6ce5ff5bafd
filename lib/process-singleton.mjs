// Next bundles a module separately for pages, route handlers, the proxy and instrumentation, a
// build runs several workers, and it constructs the cache handler more than once: a value kept in
// a module variable would exist once per bundle. What must exist once per process (the parsed
// archive, the search index, the editors' database, the publishing secret, the Redis client) is
// kept on globalThis under a registered symbol instead. Plain JavaScript, so that the cache
// handler, which Next loads without compiling, can use it too (types in the .d.mts beside it).

/** The process's one value of this name, made by `create` the first time any bundle asks. */
export function perProcess(name, create) {
  const key = Symbol.for(`tin-xu-nghe.${name}`);
  if (!(key in globalThis)) globalThis[key] = create();
  return globalThis[key];
}
