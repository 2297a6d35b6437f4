/** A numeric table: named columns of equal length, in file order. */
export interface Table {
  /** Column names in file order. */
  names: string[];
  /** One Float64Array per column name. */
  columns: Record<string, Float64Array>;
  /** Number of data rows (the header not counted). */
  rowCount: number;
}
