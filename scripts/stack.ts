// `npm run stack`: the production stack on this machine (tools/stack.ts), until Ctrl-C.
//
//   npm run build && npm run stack
//
// PORT (8080) is nginx's port, STACK_INSTANCES (2) the number of instances, STACK_APP_PORT (3001)
// the first instance's port (the others follow), REDIS_PORT (6380) Redis's, NEXT_DIST_DIR the build.
import { contentDirectory, publicDirectory } from "../lib/content/refresh";
import { defaultContentStore } from "../tools/content-store";
import { startStack } from "../tools/stack";
import { distDirectory } from "../tools/standalone";

const port = Number(process.env.PORT ?? 8080);
const instances = Number(process.env.STACK_INSTANCES ?? 2);
const firstAppPort = Number(process.env.STACK_APP_PORT ?? 3001);
const distDir = distDirectory();
const contentDir = contentDirectory();
startStack({
  distDir,
  port,
  appPorts: Array.from({ length: instances }, (_, index) => firstAppPort + index),
  redisPort: Number(process.env.REDIS_PORT ?? 6380),
  contentDir,
  publicDir: publicDirectory(),
  store: process.env.CONTENT_STORE ?? defaultContentStore(distDir, contentDir),
}).then(
  (stack) => {
    console.log(
      `\nTrang web: http://127.0.0.1:${port} (nginx → ${stack.instances
        .map((instance) => instance.origin)
        .join(", ")}; Redis 127.0.0.1:${stack.redisPort}). Ctrl-C để dừng.`,
    );
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        console.log(`\n${signal}: dừng nginx, các máy chủ ứng dụng và Redis …`);
        void stack.stop().then(() => process.exit(0));
      });
    }
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
