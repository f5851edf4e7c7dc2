package io.wirestream.stories;

import java.util.Arrays;

/**
 * What the candidate search and scoring read of each open story, in flat arrays indexed by a slot number
 * instead of through the story's maps: its first and last article times side by side, and its evidence keys
 * as one sorted array of {@code keyId << 32 | weight bits}. Scoring a candidate then reads two or three cache
 * lines of this table, however many stories are open, instead of following the story's hash map nodes.
 * Slots of closed stories are given out again. Kept in step with the stories by {@link StoryLinker}.
 */
final class StorySlots {
    private final IdPool ids = new IdPool();
    private StoryState[] stories = new StoryState[16];
    /** First and last article time of slot {@code s} at {@code 2s} and {@code 2s + 1}. */
    private long[] spans = new long[32];
    private long[][] keys = new long[16][];
    private int[] keyCounts = new int[16];

    /** Gives the story a slot, with no keys; its span must be set before it is read. */
    int add(StoryState story) {
        int slot = ids.take();
        if (slot == stories.length) {
            int length = stories.length * 2;
            stories = Arrays.copyOf(stories, length);
            spans = Arrays.copyOf(spans, 2 * length);
            keys = Arrays.copyOf(keys, length);
            keyCounts = Arrays.copyOf(keyCounts, length);
        }
        stories[slot] = story;
        keys[slot] = new long[8];
        keyCounts[slot] = 0;
        return slot;
    }

    void remove(int slot) {
        stories[slot] = null;
        keys[slot] = null;
        ids.give(slot);
    }

    StoryState story(int slot) {
        return stories[slot];
    }

    void span(int slot, long firstSeen, long lastSeen) {
        spans[2 * slot] = firstSeen;
        spans[2 * slot + 1] = lastSeen;
    }

    /** As {@link StoryState#gapTo}: the time from the story's first-to-last span to {@code time}, 0 inside it. */
    long gapTo(int slot, long time) {
        long first = spans[2 * slot];
        if (time < first) {
            return first - time;
        }
        long last = spans[2 * slot + 1];
        return time > last ? time - last : 0;
    }

    /** Sets the story's weight of a key, adding the key if the story does not hold it. */
    void putKey(int slot, int keyId, float weight) {
        long[] k = keys[slot];
        int n = keyCounts[slot];
        long entry = (long) keyId << 32 | Float.floatToRawIntBits(weight) & 0xFFFF_FFFFL;
        int i = find(k, n, keyId);
        if (i >= 0) {
            k[i] = entry;
            return;
        }
        int at = -i - 1;
        if (n == k.length) {
            k = Arrays.copyOf(k, n * 2);
            keys[slot] = k;
        }
        System.arraycopy(k, at, k, at + 1, n - at);
        k[at] = entry;
        keyCounts[slot] = n + 1;
    }

    void removeKey(int slot, int keyId) {
        long[] k = keys[slot];
        int n = keyCounts[slot];
        int i = find(k, n, keyId);
        if (i >= 0) {
            System.arraycopy(k, i + 1, k, i, n - i - 1);
            keyCounts[slot] = n - 1;
        }
    }

    /** The story's weight of a key, or {@link Float#NaN} when it does not hold the key. */
    float weight(int slot, int keyId) {
        long[] k = keys[slot];
        int i = find(k, keyCounts[slot], keyId);
        return i >= 0 ? Float.intBitsToFloat((int) k[i]) : Float.NaN;
    }

    /** Binary search by key id: the index, or {@code -(insertion point) - 1}. */
    private static int find(long[] k, int n, int keyId) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int id = (int) (k[mid] >>> 32);
            if (id < keyId) {
                lo = mid + 1;
            } else if (id > keyId) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }
}
