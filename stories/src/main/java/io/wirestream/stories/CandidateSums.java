package io.wirestream.stories;

import java.util.Arrays;

/**
 * The running score of each story slot found while visiting postings, for at most {@code capacity} distinct
 * slots, in the order they were first found. Reused from article to article: nothing is allocated per posting.
 */
final class CandidateSums {
    private final int[] table;
    private final int mask;
    private final int[] slots;
    private final double[] sums;
    private int size;

    CandidateSums(int capacity) {
        int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        table = new int[tableSize];
        mask = tableSize - 1;
        slots = new int[capacity];
        sums = new double[capacity];
    }

    /** Adds {@code weight} to the slot's sum (the first add sets it). */
    void add(int slot, double weight) {
        int i = (slot * 0x9E37_79B9 >>> 16) & mask;
        while (table[i] != 0) {
            int at = table[i] - 1;
            if (slots[at] == slot) {
                sums[at] += weight;
                return;
            }
            i = (i + 1) & mask;
        }
        if (size == slots.length) {
            throw new IllegalStateException("more than " + slots.length + " candidates");
        }
        slots[size] = slot;
        sums[size] = weight;
        table[i] = ++size;
    }

    int size() {
        return size;
    }

    int slot(int i) {
        return slots[i];
    }

    double sum(int i) {
        return sums[i];
    }

    void clear() {
        Arrays.fill(table, 0);
        size = 0;
    }
}
