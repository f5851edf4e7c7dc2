package io.wirestream.stories;

import java.util.Arrays;

/**
 * The open stories holding one evidence key: how many ({@link #df}), and the slots (see {@link StorySlots}) of
 * at most a cap of them, those that most recently got an article with the key, in that order (the most recent
 * last). Held as a plain int array of at most the cap, so that visiting a list reads a few cache lines and
 * touching it allocates nothing once the array has grown.
 */
final class PostingList {
    private static final int[] EMPTY = new int[0];

    /** The key's id in the stories' compact key arrays ({@link StorySlots#putKey}). */
    final int keyId;
    /** How many open stories hold the key, listed or not. */
    int df;
    private int[] slots = EMPTY;
    private int size;

    PostingList(int keyId) {
        this.keyId = keyId;
    }

    /** How many stories are listed. */
    int size() {
        return size;
    }

    /** The {@code i}-th listed story, the least recent first. */
    int slot(int i) {
        return slots[i];
    }

    /** Whether every open story holding the key is listed. */
    boolean complete() {
        return size == df;
    }

    /** Makes the story the most recent listed, pushing out the least recent one when {@code cap} are listed. */
    void touch(int slot, int cap) {
        remove(slot);
        if (size == cap) {
            System.arraycopy(slots, 1, slots, 0, size - 1);
            size--;
        } else if (size == slots.length) {
            slots = Arrays.copyOf(slots, Math.min(cap, Math.max(1, size * 2)));
        }
        slots[size++] = slot;
    }

    /** Unlists the story, if listed, keeping the others in their order. */
    void remove(int slot) {
        for (int i = size - 1; i >= 0; i--) {
            if (slots[i] == slot) {
                System.arraycopy(slots, i + 1, slots, i, size - i - 1);
                size--;
                return;
            }
        }
    }
}
