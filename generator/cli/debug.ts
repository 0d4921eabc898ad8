/** `DEBUG=payspec` (or `DEBUG=*`) prints each phase's time, the cache's answer and the compilers loaded. */
export const debug = /(^|,)\s*(payspec|\*)\s*(,|$)/.test(process.env.DEBUG ?? "");
