/** The part of jstat (no bundled types) this project uses. */
declare module "jstat" {
  /** jStat's namespace of special functions and distributions. */
  export interface JStat {
    /** Regularised incomplete beta function I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
  }
  const pkg: { jStat: JStat };
  export default pkg;
}
