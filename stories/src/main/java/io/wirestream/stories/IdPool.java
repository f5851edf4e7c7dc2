package io.wirestream.stories;

import java.util.Arrays;

/**
 * Small non-negative int ids, the ids freed first given out again: the highest id ever given is the most ids
 * in use at once, so arrays indexed by id stay as long as that.
 */
final class IdPool {
    private int[] free = new int[16];
    private int freeCount;
    private int next;

    int take() {
        return freeCount > 0 ? free[--freeCount] : next++;
    }

    /** Gives an id back; the caller must not use it again and must not give it back twice. */
    void give(int id) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = id;
    }

    /** One more than the highest id given out so far. */
    int limit() {
        return next;
    }
}
