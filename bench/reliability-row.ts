/** One category of the reliability probe: what was tried, what survived, and what did not. */
export interface ReliabilityRow {
  /** The probe category, e.g. "external world: endless output". */
  category: string;
  /** How many attempts were made. */
  tried: number;
  /** How many ended as the target demands (clean error or result, no crash, no orphan, no loss). */
  survived: number;
  /** One line per failure, for the printed table. */
  failures: string[];
}
