/**
 * A binary min-heap: the model takes the earliest of many pending things (the
 * worker threads whose work ends first) without scanning all of them.
 */
export interface MinHeap<T> {
  readonly size: number;
  push(item: T): void;
  /** The least item, left in place; undefined when empty. */
  peek(): T | undefined;
  /** Takes the least item out; undefined when empty. */
  pop(): T | undefined;
  /** Takes every item out, in no particular order. */
  drain(): T[];
}

export function createMinHeap<T>(less: (a: T, b: T) => boolean): MinHeap<T> {
  const items: T[] = [];

  function swap(i: number, j: number): void {
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }

  function up(index: number): void {
    for (let i = index; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!less(items[i] as T, items[parent] as T)) return;
      swap(i, parent);
      i = parent;
    }
  }

  function down(index: number): void {
    for (let i = index; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && less(items[left] as T, items[least] as T)) least = left;
      if (right < items.length && less(items[right] as T, items[least] as T)) least = right;
      if (least === i) return;
      swap(i, least);
      i = least;
    }
  }

  return {
    get size() {
      return items.length;
    },
    push(item) {
      items.push(item);
      up(items.length - 1);
    },
    peek: () => items[0],
    pop() {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        down(0);
      }
      return top;
    },
    drain: () => items.splice(0),
  };
}
