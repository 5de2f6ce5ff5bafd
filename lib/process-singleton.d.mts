/** The process's one value of this name, made by `create` the first time any bundle asks. */
export function perProcess<T>(name: string, create: () => T): T;
