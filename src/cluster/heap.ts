/**
 * scipy's binary heap (cluster/_structures.pxi), as it is: the generic linkage algorithm's
 * ties fall by its order of sifting, so it is kept operation for operation.
 */
/** scipy's Heap (_structures.pxi): keys 0…n−1 with values, the least on top. */
export class Heap {
  readonly #byKey: Int32Array;
  readonly #key: Int32Array;
  readonly #v: Float64Array;
  #size: number;
  constructor(values: Float64Array) {
    this.#size = values.length;
    this.#byKey = Int32Array.from({ length: this.#size }, (_, i) => i);
    this.#key = Int32Array.from({ length: this.#size }, (_, i) => i);
    this.#v = Float64Array.from(values);
    for (let i = Math.floor(this.#size / 2) - 1; i >= 0; i--) this.#down(i);
  }
  minKey = () => this.#key[0]!;
  minValue = () => this.#v[0]!;
  removeMin(): void {
    this.#swap(0, this.#size - 1);
    this.#size--;
    this.#down(0);
  }
  change(key: number, value: number): void {
    const i = this.#byKey[key]!;
    const old = this.#v[i]!;
    this.#v[i] = value;
    if (value < old) this.#up(i);
    else this.#down(i);
  }
  #up(i: number): void {
    let p = (i - 1) >> 1;
    while (i > 0 && this.#v[p]! > this.#v[i]!) {
      this.#swap(i, p);
      i = p;
      p = (i - 1) >> 1;
    }
  }
  #down(i: number): void {
    let c = 2 * i + 1;
    while (c < this.#size) {
      if (c + 1 < this.#size && this.#v[c + 1]! < this.#v[c]!) c++;
      if (this.#v[i]! > this.#v[c]!) {
        this.#swap(i, c);
        i = c;
        c = 2 * i + 1;
      } else break;
    }
  }
  #swap(i: number, j: number): void {
    const v = this.#v[i]!;
    this.#v[i] = this.#v[j]!;
    this.#v[j] = v;
    const ki = this.#key[i]!;
    const kj = this.#key[j]!;
    this.#key[i] = kj;
    this.#key[j] = ki;
    this.#byKey[ki] = j;
    this.#byKey[kj] = i;
  }
}
