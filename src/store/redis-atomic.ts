// AtomicStore over Redis: SET NX PX for claims, small Lua scripts where a read and a write
// must happen as one step. Scripts run atomically on the server, so replicas cannot interleave.
import type { AtomicStore } from "./atomic.ts";

/** The slice of the @redis/client API we use; @keyv/redis re-exports that client. */
export interface RedisCommands {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const COMPARE_AND_SET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

const INCREMENT_WITH_EXPIRY = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

export function createRedisAtomicStore(redis: RedisCommands, keyPrefix: string): AtomicStore {
  const full = (key: string) => `${keyPrefix}${key}`;
  const ms = (ttlMs: number) => String(Math.max(1, Math.ceil(ttlMs)));
  return {
    async setIfAbsent(key, value, ttlMs) {
      return (await redis.set(full(key), value, { NX: true, PX: Number(ms(ttlMs)) })) === "OK";
    },
    async get(key) {
      return (await redis.get(full(key))) ?? undefined;
    },
    async compareAndSet(key, expected, next, ttlMs) {
      const result = await redis.eval(COMPARE_AND_SET, {
        keys: [full(key)],
        arguments: [expected, next, ms(ttlMs)],
      });
      return Number(result) === 1;
    },
    async increment(key, ttlMs) {
      const result = await redis.eval(INCREMENT_WITH_EXPIRY, {
        keys: [full(key)],
        arguments: [ms(ttlMs)],
      });
      return Number(result);
    },
    async delete(key) {
      await redis.del(full(key));
    },
  };
}
