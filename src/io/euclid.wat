;; heatfig: Euclidean distances between rows in WebAssembly SIMD (issue 18), for Node.
;; Compiled by scripts/build-wasm.ts into src/io/euclid-wasm.ts (committed; a test checks it).
(module
  (memory (export "memory") 1)
  ;; Distances of rows i0 <= i < i1 to every later row, as euclideanRows (src/cluster/distance.ts)
  ;; computes them, operation for operation: four sums per row pair (lanes of two f64x2), the
  ;; rest added to the first, then (s0 + s1) + (s2 + s3).
  (func (export "rows") (param $y i32) (param $n i32) (param $d i32) (param $out i32)
        (param $root i32) (param $i0 i32) (param $i1 i32)
    (local $i i32) (local $j i32) (local $k i32) (local $u i32) (local $v i32)
    (local $c i32) (local $end4 i32) (local $end i32) (local $rb i32)
    (local $b0 i32) (local $b1 i32) (local $last i32) (local $a0 v128) (local $a1 v128) (local $t v128) (local $s0 f64) (local $s f64) (local $x f64)
    (local.set $rb (i32.shl (local.get $d) (i32.const 3)))
    (local.set $end4 (i32.shl (i32.and (local.get $d) (i32.const -4)) (i32.const 3)))
    (local.set $end (local.get $rb))
    ;; k = n*i0 - i0*(i0+1)/2, as a byte offset into out
    (local.set $k
      (i32.add (local.get $out)
        (i32.shl
          (i32.sub (i32.mul (local.get $n) (local.get $i0))
                   (i32.shr_u (i32.mul (local.get $i0) (i32.add (local.get $i0) (i32.const 1))) (i32.const 1)))
          (i32.const 3))))
    ;; Blocks of 8 rows i, each later row j read once per block (from cache, not memory).
    (local.set $b0 (local.get $i0))
    (block $done_b
      (loop $loop_b
        (br_if $done_b (i32.ge_u (local.get $b0) (local.get $i1)))
        (local.set $b1 (i32.add (local.get $b0) (i32.const 8)))
        (if (i32.gt_u (local.get $b1) (local.get $i1)) (then (local.set $b1 (local.get $i1))))
        (local.set $j (i32.add (local.get $b0) (i32.const 1)))
        (block $done_j
          (loop $loop_j
            (br_if $done_j (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $v (i32.add (local.get $y) (i32.mul (local.get $j) (local.get $rb))))
            (local.set $last (local.get $b1))
            (if (i32.gt_u (local.get $last) (local.get $j)) (then (local.set $last (local.get $j))))
            (local.set $i (local.get $b0))
            (block $done_i
              (loop $loop_i
                (br_if $done_i (i32.ge_u (local.get $i) (local.get $last)))
                (local.set $u (i32.add (local.get $y) (i32.mul (local.get $i) (local.get $rb))))
                (local.set $a0 (f64x2.splat (f64.const 0)))
                (local.set $a1 (f64x2.splat (f64.const 0)))
                (local.set $c (i32.const 0))
                (block $done_c
                  (loop $loop_c
                    (br_if $done_c (i32.ge_u (local.get $c) (local.get $end4)))
                    (local.set $t (f64x2.sub (v128.load (i32.add (local.get $u) (local.get $c)))
                                             (v128.load (i32.add (local.get $v) (local.get $c)))))
                    (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $t) (local.get $t))))
                    (local.set $t (f64x2.sub (v128.load offset=16 (i32.add (local.get $u) (local.get $c)))
                                             (v128.load offset=16 (i32.add (local.get $v) (local.get $c)))))
                    (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $t) (local.get $t))))
                    (local.set $c (i32.add (local.get $c) (i32.const 32)))
                    (br $loop_c)))
                (local.set $s0 (f64x2.extract_lane 0 (local.get $a0)))
                (block $done_r
                  (loop $loop_r
                    (br_if $done_r (i32.ge_u (local.get $c) (local.get $end)))
                    (local.set $x (f64.sub (f64.load (i32.add (local.get $u) (local.get $c)))
                                           (f64.load (i32.add (local.get $v) (local.get $c)))))
                    (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $x) (local.get $x))))
                    (local.set $c (i32.add (local.get $c) (i32.const 8)))
                    (br $loop_r)))
                (local.set $s
                  (f64.add
                    (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $a0)))
                    (f64.add (f64x2.extract_lane 0 (local.get $a1)) (f64x2.extract_lane 1 (local.get $a1)))))
                (if (local.get $root) (then (local.set $s (f64.sqrt (local.get $s)))))
                ;; out[n*i - i*(i+1)/2 + (j - i - 1)]
                (f64.store
                  (i32.add (local.get $out)
                    (i32.shl
                      (i32.add
                        (i32.sub (i32.mul (local.get $n) (local.get $i))
                                 (i32.shr_u (i32.mul (local.get $i) (i32.add (local.get $i) (i32.const 1))) (i32.const 1)))
                        (i32.sub (i32.sub (local.get $j) (local.get $i)) (i32.const 1)))
                      (i32.const 3)))
                  (local.get $s))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $loop_i)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $loop_j)))
        (local.set $b0 (local.get $b1))
        (br $loop_b)))))
