/**
 * The k best-scoring documents, best first, using a size-k min-heap: a query touching
 * every document of a large corpus still does O(n log k) work, not a full sort.
 */
export function topK(candidates: Iterable<number>, score: (doc: number) => number, k: number) {
  const heap: number[] = [];
  // Lower score = worse; equal scores: the later document is worse, so ties keep index order.
  const worse = (a: number, b: number) => {
    const difference = score(a) - score(b);
    return difference < 0 || (difference === 0 && a > b);
  };
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  };
  if (k <= 0) return [];
  for (const doc of candidates) {
    if (heap.length < k) {
      heap.push(doc);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(heap[0]!, doc)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
