/**
 * The whole of what the service worker costs a page: registered once the page has loaded, so it
 * never competes with the page itself. A browser without workers (or with storage refused) reads on.
 */
export const REGISTER_SERVICE_WORKER =
  'if("serviceWorker"in navigator)addEventListener("load",function(){navigator.serviceWorker.register("/sw.js").catch(function(){})})';
