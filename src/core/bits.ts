/** Description length of a law on some evidence, in bits: the law itself (`model`) plus the data given the law. */
export interface Bits {
  model: number;
  data: number;
  total: number;
}
