/**
 * Names every JavaScript object already has (`__proto__`, `constructor`, `toString` …). A column, input or
 * constant with such a name would be read from, or written into, the prototype of the plain objects that
 * carry values by name, and vanish or misbehave silently; they are refused with a clear message instead.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether `name` is a property of every object (and so cannot name a column, input or constant). */
export function isPrototypeKey(name: string): boolean {
  return PROTOTYPE_KEYS.has(name);
}

/** The reason `name` is refused, for messages: "'__proto__' is reserved (every JavaScript object has it)". */
export function reservedNameReason(name: string): string {
  return `'${name}' is a reserved name (every JavaScript object has a property of that name); rename it`;
}
